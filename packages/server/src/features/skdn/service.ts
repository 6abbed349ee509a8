import {
  type Actor,
  addDays,
  addSkdn,
  EMPTY_SKDN,
  LEVELS,
  type Level,
  monthEnd,
  readScopes,
  type SkdnChild,
  type SkdnFigures,
  type SkdnView,
  shiftMonth,
  skdnOf,
} from "@tumbuh/core";
import { faltering } from "@tumbuh/growth";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { errors } from "../../errors";
import { weighingsInRegion } from "../measurements/service";
import { personsInRegionBornBetween } from "../persons/service";
import { findRegion, findRegionsByCode } from "../regions/service";

/** Rows one level down: a desa's posyandu/dusun, a kecamatan's desa, a regency's kecamatan. */
function rowDepth(level: Level): number {
  if (level === "dusun" || level === "posyandu") return LEVELS.indexOf(level) + 1;
  return LEVELS.indexOf(level) + 2; // a region code of level i has i + 1 segments
}

/**
 * The SKDN figures of a region for a month, per area one level down (what the reports feature calls for its
 * documents). Children are counted where they are registered; letters come from each child's whole weighing
 * history (the growth engine), an e-PPGBM import's history included.
 */
export async function skdnFigures(
  db: Kysely<Database>,
  scopes: readonly string[],
  regionCode: string,
  month: string,
): Promise<SkdnView> {
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const end = monthEnd(month);
  const bornFrom = addDays(`${shiftMonth(month, -60)}-01`, 0);
  const children = await personsInRegionBornBetween(db, scopes, regionCode, bornFrom, end);
  const weighings = await weighingsInRegion(db, scopes, regionCode, bornFrom, end);
  const byChild = new Map<string, typeof weighings>();
  for (const w of weighings) {
    const list = byChild.get(w.person_id);
    if (list) list.push(w);
    else byChild.set(w.person_id, [w]);
  }
  const depth = rowDepth(region.level);
  const groups = new Map<string, SkdnChild[]>();
  for (const c of children) {
    const history = (byChild.get(c.id) ?? []).filter((w) => w.measured_on >= c.birth_date);
    const { entries } = faltering(
      history.map((w) => ({
        date: w.measured_on,
        weightKg: w.weight_kg as number,
        birthDate: c.birth_date,
        sex: c.sex === 1 || c.sex === 2 ? c.sex : undefined,
        imported: w.import_id !== null,
      })),
    );
    const child: SkdnChild = {
      birthDate: c.birth_date,
      weighings: entries.map((e, i) => ({
        on: e.date,
        letter: e.status,
        twoT: e.twoT,
        weightZ: history[i]?.flagged === 0 ? (history[i]?.zwei ?? null) : null,
      })),
    };
    const key = c.region_code.split(".").slice(0, depth).join(".");
    const list = groups.get(key);
    if (list) list.push(child);
    else groups.set(key, [child]);
  }
  const names = new Map((await findRegionsByCode(db, [...groups.keys()])).map((r) => [r.code, r.name]));
  const rows = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, list]) => ({ code, name: names.get(code) ?? region.name, figures: skdnOf(list, month) }));
  const total = rows.reduce<SkdnFigures>((sum, r) => addSkdn(sum, r.figures), EMPTY_SKDN);
  return { regionCode: region.code, regionName: region.name, regionLevel: region.level, month, rows, total };
}

/** The report as the API serves it (the caller's read scopes). */
export function skdnReport(db: Kysely<Database>, actor: Actor, regionCode: string, month: string) {
  return skdnFigures(db, readScopes(actor), regionCode, month);
}
