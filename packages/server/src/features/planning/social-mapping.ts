import { type Actor, readScopes, TARGET_ROLES, type TargetRole } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { registryLists } from "../measurements/lists";
import { summariesWithFacts } from "../persons/repository";
import { findRegion, listChildren } from "../regions/repository";

/**
 * The social-mapping data a meeting works from (PALI Pasal 9(2), 10(2) a; Paser Pasal 30(1), 31(2)):
 * per dusun/posyandu, the 1000-HPK and other priority targets (Paser Pasal 5, from the registry via
 * core/targets.ts) and the children stunted or not measured for two months (from the posyandu lists).
 *
 * ONE function on purpose: the service scorecard gaps (issue 6) and the families at risk (issue 8) are
 * added here at merge time, as further fields of `SocialMappingUnit`, so every meeting page shows them.
 */
export interface SocialMappingUnit {
  /** A dusun/posyandu code, or the desa code itself for people registered at desa level. */
  code: string;
  name: string;
  targets: Record<TargetRole, number>;
  children0to59: number;
  stunted: number;
  notMeasured2m: number;
}

export interface SocialMapping {
  regionCode: string;
  regionName: string;
  asOf: string;
  units: SocialMappingUnit[];
  total: Omit<SocialMappingUnit, "code" | "name">;
}

function emptyCounts(): Omit<SocialMappingUnit, "code" | "name"> {
  return {
    targets: Object.fromEntries(TARGET_ROLES.map((r) => [r, 0])) as Record<TargetRole, number>,
    children0to59: 0,
    stunted: 0,
    notMeasured2m: 0,
  };
}

/** The unit directly under the desa a code lies in ("64.01.05.2003.P01.x" → "64.01.05.2003.P01"). */
function unitOf(desaCode: string, code: string): string {
  if (code === desaCode) return desaCode;
  const next = code.slice(desaCode.length + 1).split(".")[0];
  return `${desaCode}.${next}`;
}

export async function socialMappingOf(
  db: Kysely<Database>,
  actor: Actor,
  desaCode: string,
  asOf: string,
): Promise<SocialMapping> {
  const scopes = readScopes(actor);
  const desa = await findRegion(db, scopes, desaCode);
  if (!desa) throw errors.notFound();
  const children = await listChildren(db, scopes, desaCode);
  const units = new Map<string, SocialMappingUnit>();
  units.set(desaCode, { code: desaCode, name: desa.name, ...emptyCounts() });
  for (const c of children) units.set(c.code, { code: c.code, name: c.name, ...emptyCounts() });
  const unit = (code: string) => {
    const key = unitOf(desaCode, code);
    let u = units.get(key);
    if (!u) {
      u = { code: key, name: key, ...emptyCounts() };
      units.set(key, u);
    }
    return u;
  };

  const persons = await db
    .selectFrom("persons")
    .selectAll()
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [desaCode]))
    .execute();
  for (const p of await summariesWithFacts(db, persons, asOf)) {
    const u = unit(p.regionCode);
    for (const r of p.targetRoles) u.targets[r] += 1;
  }
  const lists = await registryLists(db, actor, desaCode, asOf.slice(0, 7));
  for (const row of lists.lists.stunted) unit(row.regionCode).stunted += 1;
  for (const row of lists.lists.notMeasured2m) unit(row.regionCode).notMeasured2m += 1;
  for (const u of units.values())
    u.children0to59 = u.targets.anak_0_6 + u.targets.anak_7_23 + u.targets.anak_24_59;

  const total = emptyCounts();
  for (const u of units.values()) {
    for (const r of TARGET_ROLES) total.targets[r] += u.targets[r];
    total.children0to59 += u.children0to59;
    total.stunted += u.stunted;
    total.notMeasured2m += u.notMeasured2m;
  }
  const list = [...units.values()].filter(
    (u) => u.code !== desaCode || u.children0to59 + Object.values(u.targets).reduce((a, b) => a + b, 0) > 0,
  );
  return { regionCode: desaCode, regionName: desa.name, asOf, units: list, total };
}
