import { createHash } from "node:crypto";
import {
  type Actor,
  type CellError,
  checkNik,
  desaCodeOf,
  type EppgbmRow,
  hasPowerAt,
  type ImportReport,
  type Kind,
  type Level,
  mapHeaders,
  nameKey,
  type Region,
  readEppgbmRow,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { bulkInsert } from "../../db/bulk-insert";
import type { Database, MeasurementsTable, PersonsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { measurementRow } from "../measurements/service";
import { PlaceIndex } from "./place-index";
import { readSheet } from "./read-file";

export interface ImportOptions {
  fileName: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  today?: string;
}

class Rollback extends Error {}

type Candidate = Pick<
  PersonsTable,
  "id" | "region_code" | "name_key" | "birth_date" | "parent_name" | "nik" | "sex"
>;

/**
 * Import an e-PPGBM "by name by address" export (XLSX or CSV): children are matched to the registry
 * (by NIK, else by sound-alike name + birth date + parent in the same desa) or registered, and each row's
 * measurement is stored with its growth results. Every rejected row is reported with line, column and
 * reason; good rows are stored unless `allOrNothing`. A row already in the database (same child, same day)
 * creates nothing, so importing a file twice changes nothing. One transaction: a crash stores nothing.
 */
export async function importMeasurements(
  db: Kysely<Database>,
  actor: Actor,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportReport> {
  const today = options.today ?? todayIso();
  const sheet = await readSheet(bytes);
  const report: ImportReport = {
    fileName: options.fileName,
    dryRun: options.dryRun ?? false,
    allOrNothing: options.allOrNothing ?? false,
    rows: sheet.rows.length,
    stored: { persons: 0, measurements: 0 },
    alreadyPresent: 0,
    rejected: [],
    warnings: [],
  };
  const map = mapHeaders(sheet.headers);
  if (map.missing.length > 0) {
    report.rejected.push({ line: 1, column: null, reason: `missing columns: ${map.missing.join(", ")}` });
    return report;
  }

  const reject = (e: CellError | { line: number; column: string | null; reason: string }) =>
    report.rejected.push(e);
  const rows: EppgbmRow[] = [];
  for (const r of sheet.rows) {
    const res = readEppgbmRow(r.line, r.cells, map, today);
    if (res.row) rows.push(res.row);
    else for (const e of res.errors) reject(e);
  }

  // Places → codes, inside what the actor can see.
  const inScope = await regionsInScope(db, readScopes(actor));
  const places = new PlaceIndex(inScope);
  const kecamatanCodes = new Set(inScope.filter((r) => r.level === "kecamatan").map((r) => r.code));
  const otherKecamatan = new Map<string, boolean>();
  const kabs = new Map<string, string[]>();
  const placed: { row: EppgbmRow; desa: string; posyandu: string | null }[] = [];
  for (const row of rows) {
    let kabCodes: string[] | null = null;
    if (row.kabKota) {
      kabCodes = kabs.get(row.kabKota) ?? places.find(provinces(places), row.kabKota);
      kabs.set(row.kabKota, kabCodes);
    }
    const kecs = kabCodes ? places.find(kabCodes, row.kec) : places.find(allKabupaten(places), row.kec);
    if (kabCodes && kabCodes.length === 0) {
      reject({
        line: row.line,
        column: "Kab/Kota",
        reason: `unknown kabupaten/kota "${row.kabKota}" (or outside your area)`,
      });
      continue;
    }
    if (kecs.length !== 1) {
      reject({
        line: row.line,
        column: "Kec",
        reason:
          kecs.length === 0
            ? `unknown kecamatan "${row.kec}" (or outside your area)`
            : `kecamatan "${row.kec}" is ambiguous`,
      });
      continue;
    }
    const desas = places.find(kecs, row.desa);
    if (desas.length !== 1) {
      reject({
        line: row.line,
        column: "Desa/Kel",
        reason: `unknown desa/kelurahan "${row.desa}" in kecamatan ${row.kec}`,
      });
      continue;
    }
    const desa = desas[0] as string;
    if (!hasPowerAt(actor, "write", desa)) {
      reject({ line: row.line, column: "Desa/Kel", reason: `desa ${row.desa} is outside your area` });
      continue;
    }
    let posyandu: string | null = null;
    if (row.posyandu) {
      posyandu = places.find([desa], row.posyandu).find((c) => c.includes(".P")) ?? null;
      if (!posyandu) {
        report.warnings.push({
          line: row.line,
          column: "Posyandu",
          reason: `posyandu "${row.posyandu}" is not registered in desa ${row.desa}; the child is registered at the desa`,
        });
      }
    }
    if (row.nik) {
      const kec = `${row.nik.slice(0, 2)}.${row.nik.slice(2, 4)}.${row.nik.slice(4, 6)}`;
      // A NIK issued in a kecamatan outside the caller's area is looked up once per import, not per row.
      let known = kecamatanCodes.has(kec) || otherKecamatan.get(kec);
      if (known === undefined) {
        known = await isKecamatan(db, kec);
        otherKecamatan.set(kec, known);
      }
      const check = checkNik(row.nik, { birthDate: row.birthDate, sex: row.sex }, () => known);
      if (check.error) {
        reject({ line: row.line, column: "NIK", reason: check.error });
        continue;
      }
      for (const w of check.warnings) report.warnings.push({ line: row.line, column: "NIK", reason: w });
    }
    placed.push({ row, desa, posyandu });
  }

  // The registry as it stands for these desa and NIKs.
  const desaCodes = [...new Set(placed.map((p) => p.desa))];
  const niks = [...new Set(placed.flatMap((p) => (p.row.nik ? [p.row.nik] : [])))];
  const candidates = await loadCandidates(db, desaCodes, niks);
  const byNik = new Map(candidates.filter((c) => c.nik).map((c) => [c.nik as string, c]));
  const byIdentity = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = identityKey(desaCodeOf(c.region_code), c.name_key, c.birth_date);
    byIdentity.set(k, [...(byIdentity.get(k) ?? []), c]);
  }

  const at = nowIso();
  const importId = uuidv7();
  const newPersons: PersonsTable[] = [];
  const seenRows = new Map<string, number>();
  const planned: { person: Candidate; row: EppgbmRow; isNew: boolean }[] = [];
  for (const { row, desa, posyandu } of placed) {
    const key = nameKey(row.name);
    let person: Candidate | undefined = row.nik ? byNik.get(row.nik) : undefined;
    if (
      row.nik &&
      person &&
      desaCodeOf(person.region_code) !== desa &&
      !hasPowerAt(actor, "write", person.region_code)
    ) {
      reject({
        line: row.line,
        column: "NIK",
        reason: "this NIK belongs to a person registered outside your area",
      });
      continue;
    }
    if (!person) {
      const parentKey = row.parentName ? nameKey(row.parentName) : null;
      person = (byIdentity.get(identityKey(desa, key, row.birthDate)) ?? []).find(
        (c) =>
          c.sex === row.sex &&
          (!row.nik || !c.nik || c.nik === row.nik) &&
          (parentKey === null || c.parent_name === null || nameKey(c.parent_name) === parentKey),
      );
    }
    let isNew = false;
    if (!person) {
      const p: PersonsTable = {
        id: uuidv7(),
        region_code: posyandu ?? desa,
        household_id: null,
        name: row.name,
        name_key: key,
        sex: row.sex,
        birth_date: row.birthDate,
        nik: row.nik,
        mother_id: null,
        parent_name: row.parentName,
        birth_weight_kg: row.birthWeightKg,
        birth_length_cm: row.birthLengthCm,
        created_at: at,
        updated_at: at,
        revision: 1,
        deleted_at: null,
        merged_into: null,
      };
      newPersons.push(p);
      person = p;
      isNew = true;
      if (p.nik) byNik.set(p.nik, p);
      const k = identityKey(desa, key, row.birthDate);
      byIdentity.set(k, [...(byIdentity.get(k) ?? []), p]);
    }
    const dayKey = `${person.id}|${row.measuredOn}`;
    const earlier = seenRows.get(dayKey);
    if (earlier !== undefined) {
      reject({
        line: row.line,
        column: "Tanggal Pengukuran",
        reason: `duplicate of line ${earlier} (same child, same day)`,
      });
      continue;
    }
    seenRows.set(dayKey, row.line);
    planned.push({ person, row, isNew });
  }

  const existingDays = await measuredDays(
    db,
    planned.filter((p) => !p.isNew).map((p) => p.person.id),
  );
  const measurements: MeasurementsTable[] = [];
  for (const { person, row } of planned) {
    if (existingDays.has(`${person.id}|${row.measuredOn}`)) {
      report.alreadyPresent++;
      continue;
    }
    if (row.lenheiCm !== null && row.measure === null) {
      report.warnings.push({
        line: row.line,
        column: "Cara Ukur",
        reason:
          "empty: z-scores use the length/height as given, without the 0.7 cm lying/standing adjustment",
      });
    }
    measurements.push(
      measurementRow(
        person,
        {
          id: uuidv7(),
          measuredOn: row.measuredOn,
          weightKg: row.weightKg,
          lenheiCm: row.lenheiCm,
          measure: row.measure,
          muacCm: row.muacCm,
          headcCm: null,
          oedema: false,
          measuredBy: null,
        },
        { sessionId: null, importId, createdBy: actor.userId, at },
      ),
    );
  }
  const usedPersons = new Set(measurements.map((m) => m.person_id));
  const personsToStore = newPersons.filter((p) => usedPersons.has(p.id));
  report.stored = { persons: personsToStore.length, measurements: measurements.length };
  report.rejected.sort((a, b) => a.line - b.line);
  report.warnings.sort((a, b) => a.line - b.line);

  if (report.allOrNothing && report.rejected.length > 0) {
    report.stored = { persons: 0, measurements: 0 };
    return report;
  }
  try {
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto("imports")
        .values({
          id: importId,
          kind: "eppgbm",
          file_name: options.fileName,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          created_at: at,
          created_by: actor.userId,
          summary_json: JSON.stringify({
            rows: report.rows,
            stored: report.stored,
            alreadyPresent: report.alreadyPresent,
            rejected: report.rejected.length,
          }),
        })
        .execute();
      await bulkInsert(db, trx, "persons", personsToStore);
      await bulkInsert(db, trx, "measurements", measurements);
      await appendAudit(trx, actor, {
        action: "import.measurements",
        entity: "import",
        entityId: importId,
        // Nothing placed (every row refused): the importer's own region, so its admin sees the attempt.
        regionCode:
          (desaCodes.length === 1 ? (desaCodes[0] as string) : commonPrefix(desaCodes)) ??
          actor.assignments[0]?.scope ??
          null,
        after: { fileName: options.fileName, stored: report.stored, rejected: report.rejected.length },
      });
      if (report.dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return report;
}

const identityKey = (desa: string, key: string, birth: string) => `${desa}|${key}|${birth}`;

function commonPrefix(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  let parts = (codes[0] as string).split(".");
  for (const c of codes) {
    const p = c.split(".");
    let i = 0;
    while (i < parts.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? parts.join(".") : null;
}

function provinces(places: PlaceIndex): string[] {
  return places.childrenOf("");
}

function allKabupaten(places: PlaceIndex): string[] {
  return provinces(places).flatMap((p) => places.childrenOf(p));
}

async function regionsInScope(db: Kysely<Database>, scopes: readonly string[]): Promise<Region[]> {
  // Ancestors of the scope are needed to walk down from the kabupaten name, so read provinces and kabupaten
  // everywhere (public names) and the rest inside the scope.
  const rows = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "kind", "parent_code"])
    .where((eb) => eb.or([eb("level", "in", ["provinsi", "kabupaten"]), withinScopes("code", scopes)]))
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as Level,
    kind: r.kind as Kind,
    parentCode: r.parent_code,
  }));
}

async function isKecamatan(db: Kysely<Database>, code: string): Promise<boolean> {
  const r = await db
    .selectFrom("regions")
    .select("code")
    .where("code", "=", code)
    .where("level", "=", "kecamatan")
    .executeTakeFirst();
  return r !== undefined;
}

async function loadCandidates(db: Kysely<Database>, desaCodes: readonly string[], niks: readonly string[]) {
  const out: Candidate[] = [];
  const cols = ["id", "region_code", "name_key", "birth_date", "parent_name", "nik", "sex"] as const;
  for (const desa of desaCodes) {
    out.push(
      ...(await db
        .selectFrom("persons")
        .select(cols)
        .where("deleted_at", "is", null)
        .where("merged_into", "is", null)
        .where(withinScopes("region_code", [desa]))
        .execute()),
    );
  }
  for (let i = 0; i < niks.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom("persons")
        .select(cols)
        .where("nik", "in", niks.slice(i, i + 500))
        .where("deleted_at", "is", null)
        .where("merged_into", "is", null)
        .execute()),
    );
  }
  return [...new Map(out.map((c) => [c.id, c])).values()];
}

async function measuredDays(db: Kysely<Database>, personIds: readonly string[]): Promise<Set<string>> {
  const days = new Set<string>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("measurements")
      .select(["person_id", "measured_on"])
      .where("person_id", "in", ids.slice(i, i + 500))
      .where("deleted_at", "is", null)
      .execute();
    for (const r of rows) days.add(`${r.person_id}|${r.measured_on}`);
  }
  return days;
}
