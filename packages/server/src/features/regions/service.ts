import {
  type Actor,
  ancestorCodes,
  canRead,
  checkRegionRows,
  hasPowerAt,
  type Level,
  parseCsv,
  type Region,
  type RowError,
  readScopes,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit } from "../audit/service";
import {
  existingCodes,
  findRegion,
  findRegionsByCode,
  insertLocalUnit,
  listChildren,
  localChildCodes,
  type RegionWithCount,
  upsertRegions,
} from "./repository";

export interface RegionView {
  region: Region;
  ancestors: (Pick<Region, "code" | "name" | "level" | "kind"> & { visible: boolean })[];
  children: RegionWithCount[];
}

/** A region with its ancestors and children; 404 alike for missing and out-of-scope regions. */
export async function viewRegion(db: Kysely<Database>, actor: Actor, code: string): Promise<RegionView> {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, code);
  if (!region) throw errors.notFound();
  const ancestors = await findRegionsByCode(db, ancestorCodes(code));
  ancestors.sort((a, b) => a.code.length - b.code.length);
  return {
    region,
    ancestors: ancestors.map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level,
      kind: a.kind,
      visible: canRead(actor, a.code),
    })),
    children: await listChildren(db, scopes, code),
  };
}

/** The regions the actor's assignments point at: where a user starts browsing. */
export async function myRegions(db: Kysely<Database>, actor: Actor): Promise<Region[]> {
  const codes = readScopes(actor).filter((s) => s !== "");
  return (await findRegionsByCode(db, codes)).sort((a, b) => a.code.localeCompare(b.code));
}

const LOCAL_LETTER = { dusun: "D", posyandu: "P" } as const;

/** Create a dusun or posyandu under a desa/kelurahan. Codes are numbered per desa: D01, D02…, P01… */
export async function createLocalUnit(
  db: Kysely<Database>,
  actor: Actor,
  desaCode: string,
  input: { kind: "dusun" | "posyandu"; name: string },
): Promise<Region> {
  const desa = await findRegion(db, readScopes(actor), desaCode);
  if (!desa) throw errors.notFound();
  if (desa.level !== "desa") throw errors.badRequest("dusun and posyandu belong to a desa or kelurahan");
  if (!hasPowerAt(actor, "manageLocalUnits", desaCode)) throw errors.forbidden();
  const name = input.name.trim();
  if (name === "") throw errors.validation("name", "name is empty");

  return inTransaction(db, async (trx) => {
    const taken = await localChildCodes(trx, desaCode, input.kind);
    const next = Math.max(0, ...taken.map((c) => Number(c.slice(c.lastIndexOf(".") + 2)))) + 1;
    const region: Region = {
      code: `${desaCode}.${LOCAL_LETTER[input.kind]}${String(next).padStart(2, "0")}`,
      name,
      level: input.kind as Level,
      kind: input.kind,
      parentCode: desaCode,
    };
    await insertLocalUnit(trx, region, nowIso());
    await appendAudit(trx, actor, {
      action: "region.create",
      entity: "region",
      entityId: region.code,
      regionCode: region.code,
      after: region,
    });
    return region;
  });
}

export interface RegionImportReport {
  imported: number;
  errors: RowError[];
}

/**
 * Load a Kemendagri region CSV. Good rows are stored, bad rows reported (line, column, reason); with
 * `allOrNothing` a single bad row stores nothing. One transaction either way: a crash stores nothing.
 */
export async function importRegions(
  db: Kysely<Database>,
  actor: Actor,
  csvText: string,
  options: { allOrNothing?: boolean } = {},
): Promise<RegionImportReport> {
  if (!hasPowerAt(actor, "manageUsers", "")) throw errors.forbidden();
  const records = parseCsv(csvText);
  const parents = [
    ...new Set(
      records
        .slice(1)
        .map((r) => r.fields[4]?.trim() ?? "")
        .filter((c) => c !== ""),
    ),
  ];
  const known = await existingCodes(db, parents);
  const { regions, errors: rowErrors } = checkRegionRows(records, (c) => known.has(c));
  if (options.allOrNothing && rowErrors.length > 0) return { imported: 0, errors: rowErrors };
  await inTransaction(db, async (trx) => {
    await upsertRegions(trx, regions, nowIso());
    await appendAudit(trx, actor, {
      action: "region.import",
      entity: "region",
      entityId: null,
      regionCode: null,
      after: { imported: regions.length, rejected: rowErrors.length },
    });
  });
  return { imported: regions.length, errors: rowErrors };
}

// Region look-ups other features use (they meet regions through this file, not its repository).
export { existingCodes, findRegion, findRegionsByCode, listChildren } from "./repository";
