import { createHash } from "node:crypto";
import {
  type Actor,
  alignRow,
  type CellError,
  checkNik,
  desaCodeOf,
  type EppgbmRow,
  findHeaderRow,
  hasPowerAt,
  type ImportResult,
  type ImportRowError,
  mapHeaders,
  nameKey,
  nowIso,
  readEppgbmRow,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import { deriveMany, type RawMeasurement } from "@tumbuh/core/growth-views";
import type { Kysely } from "kysely";
import type { Database, MeasurementsTable, PersonsTable } from "../../db/schema";
import { uuidv7 } from "../../util/ids";
import { measurementRow } from "../measurements/service";
import { PlaceIndex } from "./place-index";
import { type Candidate, isKecamatan, loadCandidates, measuredDays, regionsInScope } from "./queries";
import { readSheet } from "./read/read-file";
import { SHEET_LIMITS, type SheetLimits } from "./read/sheet";
import { reconcile } from "./reconcile";
import { type StorePlan, storeImport, undoStaleImports } from "./store";

export interface ImportOptions {
  fileName: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  today?: string;
  limits?: SheetLimits;
  /** Rows done so far (a background job shows it); called often, cheap. */
  progress?: (done: number, total: number) => void;
}

/**
 * Import an e-PPGBM / SIGIZI "by name by address" export (HTML .xls, BIFF .xls, XLSX or CSV, detected by
 * content): the header row is found below any title rows, children are matched to the registry (by NIK,
 * else by sound-alike name + birth date + parent in the same desa) or registered, and each row's
 * measurement is stored with its growth results and e-PPGBM's own values, which the reconciliation
 * compares with Tumbuh's. Every rejected row is reported with line, column and reason; good rows are
 * stored unless `allOrNothing`. A row already in the database (same child, same day) creates nothing, so
 * importing a file twice changes nothing. Written in short slices of time, all or nothing (store.ts).
 */
export async function importMeasurements(
  db: Kysely<Database>,
  actor: Actor,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  const today = options.today ?? todayIso();
  const progress = options.progress ?? (() => {});
  const { report, rows } = await readRows(bytes, options, today);
  if (rows === null) return report;
  const reject = (e: CellError | ImportRowError) => report.rejected.push(e);
  progress(0, rows.length);

  const placed = await placeRows(db, actor, rows, report, reject);

  // The registry as it stands for these desa and NIKs.
  const desaCodes = [...new Set(placed.map((p) => p.desa))];
  const niks = [...new Set(placed.flatMap((p) => (p.row.nik ? [p.row.nik] : [])))];
  const candidates = await loadCandidates(db, desaCodes, niks);
  const byNik = new Map(candidates.filter((c) => c.nik).map((c) => [c.nik as string, c]));
  const byIdentity = new Map<string, Candidate[]>();
  for (const c of candidates) {
    addTo(byIdentity, identityKey(desaCodeOf(c.region_code), c.name_key, c.birth_date), c);
  }

  const at = nowIso();
  const importId = uuidv7();
  const seenRows = new Map<string, number>();
  const planned: { person: Candidate; row: EppgbmRow; created: PersonsTable | null }[] = [];
  for (const { row, desa, posyandu } of placed) {
    const key = nameKey(row.name);
    const identity = identityKey(desa, key, row.birthDate);
    let person: Candidate | undefined = row.nik ? byNik.get(row.nik) : undefined;
    if (
      row.nik &&
      person &&
      desaCodeOf(person.region_code) !== desa &&
      !hasPowerAt(actor, "write", person.region_code)
    ) {
      reject({ line: row.line, column: "NIK", code: "nik_outside_area", params: {} });
      continue;
    }
    if (!person) {
      const same = byIdentity.get(identity);
      // The parent's key only when someone of this name and birth date is known (a new regency: nobody).
      const parentKey = same && row.parentName ? nameKey(row.parentName) : null;
      person = same?.find(
        (c) =>
          c.sex === row.sex &&
          (!row.nik || !c.nik || c.nik === row.nik) &&
          (parentKey === null || c.parent_name === null || nameKey(c.parent_name) === parentKey),
      );
    }
    let created: PersonsTable | null = null;
    if (!person) {
      created = {
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
      person = created;
      if (created.nik) byNik.set(created.nik, created);
      addTo(byIdentity, identity, created);
    }
    const dayKey = `${person.id}|${row.measuredOn}`;
    const earlier = seenRows.get(dayKey);
    if (earlier !== undefined) {
      reject({
        line: row.line,
        column: "Tanggal Pengukuran",
        code: "duplicate_row",
        params: { line: earlier },
      });
      continue;
    }
    seenRows.set(dayKey, row.line);
    planned.push({ person, row, created });
  }

  // Earlier measurements of the children already registered, on the file's days only.
  const known = planned.filter((p) => !p.created);
  let firstDay = "9999-12-31";
  let lastDay = "0000-01-01";
  for (const { row } of known) {
    if (row.measuredOn < firstDay) firstDay = row.measuredOn;
    if (row.measuredOn > lastDay) lastDay = row.measuredOn;
  }
  const existingDays =
    known.length === 0
      ? new Set<string>()
      : await measuredDays(
          db,
          known.map((p) => p.person.id),
          firstDay,
          lastDay,
        );
  const toStore: { person: Candidate; row: EppgbmRow; created: PersonsTable | null; raw: RawMeasurement }[] =
    [];
  for (const { person, row, created } of planned) {
    // A child registered by this import has no earlier measurements.
    if (!created && existingDays.has(`${person.id}|${row.measuredOn}`)) {
      report.alreadyPresent++;
      continue;
    }
    if (row.lenheiCm !== null && row.measure === null) {
      report.warnings.push({ line: row.line, column: "Cara Ukur", code: "no_measure_method", params: {} });
    }
    const raw: RawMeasurement = {
      id: uuidv7(),
      measuredOn: row.measuredOn,
      weightKg: row.weightKg,
      lenheiCm: row.lenheiCm,
      measure: row.measure,
      muacCm: row.muacCm,
      headcCm: null,
      oedema: false,
      measuredBy: null,
    };
    toStore.push({ person, row, created, raw });
  }
  // Z-scores of all rows in one run of the growth engine (one run per row was a fifth of the import's CPU).
  const derived = deriveMany(
    toStore.map(({ person, raw }) => ({
      person: { sex: person.sex === 2 ? 2 : 1, birthDate: person.birth_date },
      m: raw,
    })),
  );
  const items: StorePlan["items"] = [];
  const compared: { row: EppgbmRow; measurement: MeasurementsTable }[] = [];
  const meta = { sessionId: null, importId, createdBy: actor.userId, at };
  for (let i = 0; i < toStore.length; i++) {
    const { person, row, created, raw } = toStore[i] as (typeof toStore)[number];
    const measurement = measurementRow(person, raw, meta, derived[i]);
    compared.push({ row, measurement });
    const hasSource = Object.keys(row.source).length > 0;
    items.push({
      person: created,
      measurement,
      source: hasSource
        ? {
            measurement_id: measurement.id,
            import_id: importId,
            line: row.line,
            values_json: JSON.stringify(row.source),
          }
        : null,
    });
  }
  report.reconciliation = reconcile(compared);
  report.stored = { persons: items.filter((i) => i.person).length, measurements: items.length };
  report.rejected.sort((a, b) => a.line - b.line);
  report.warnings.sort((a, b) => a.line - b.line);

  if (report.allOrNothing && report.rejected.length > 0) {
    report.stored = { persons: 0, measurements: 0 };
    return report;
  }
  if (report.dryRun) return report;
  await undoStaleImports(db, new Date());
  await storeImport(db, actor, {
    importRow: {
      id: importId,
      kind: "eppgbm",
      file_name: options.fileName,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      created_at: at,
      created_by: actor.userId,
      status: "writing",
      summary_json: JSON.stringify({
        format: report.format,
        rows: report.rows,
        stored: report.stored,
        alreadyPresent: report.alreadyPresent,
        rejected: report.rejected.length,
        reconciliation: report.reconciliation.counts,
      }),
    },
    items,
    audit: {
      // Nothing placed (every row refused): the importer's own region, so its admin sees the attempt.
      regionCode:
        (desaCodes.length === 1 ? (desaCodes[0] as string) : commonPrefix(desaCodes)) ??
        actor.assignments[0]?.scope ??
        null,
      after: { fileName: options.fileName, stored: report.stored, rejected: report.rejected.length },
    },
    progress: (done) => progress(done, items.length),
  });
  return report;
}

/**
 * The file's data rows, read and checked cell by cell (every bad row rejected into the report). A function of
 * its own so the sheet — every cell of the file as text — can be collected as soon as the rows are read, not
 * held through matching and storing (peak memory, issue 16).
 */
async function readRows(
  bytes: Buffer,
  options: ImportOptions,
  today: string,
): Promise<{ report: ImportResult; rows: EppgbmRow[] | null }> {
  const sheet = await readSheet(bytes, options.limits ?? SHEET_LIMITS);
  const headerAt = findHeaderRow(sheet.rows.map((r) => r.cells));
  const headerRow = headerAt === null ? undefined : sheet.rows[headerAt];
  const dataRows = headerAt === null ? [] : sheet.rows.slice(headerAt + 1);
  const report: ImportResult = {
    fileName: options.fileName,
    format: sheet.format,
    headerLine: headerRow?.line ?? null,
    dryRun: options.dryRun ?? false,
    allOrNothing: options.allOrNothing ?? false,
    rows: 0,
    stored: { persons: 0, measurements: 0 },
    alreadyPresent: 0,
    rejected: [],
    warnings: [],
    reconciliation: reconcile([]),
  };
  const map = mapHeaders((headerRow?.cells ?? sheet.rows[0]?.cells ?? []).map((c) => String(c ?? "")));
  if (map.missing.length > 0) {
    report.rejected.push({
      line: headerRow?.line ?? 1,
      column: null,
      code: "missing_columns",
      params: { columns: map.missing.join(", ") },
    });
    return { report, rows: null };
  }

  const reject = (e: CellError | ImportRowError) => report.rejected.push(e);
  const rows: EppgbmRow[] = [];
  for (const r of dataRows) {
    // Blank rows (and a footer of empty cells) are not data.
    if (r.cells.every((c) => c === null || c === undefined || String(c).trim() === "")) continue;
    report.rows++;
    const aligned = alignRow(r.cells, map, sheet.exactWidth);
    if ("reject" in aligned) {
      reject({ line: r.line, column: null, ...aligned.reject });
      continue;
    }
    if (aligned.realigned) {
      report.warnings.push({ line: r.line, column: "Total Pengukuran", code: "row_realigned", params: {} });
    }
    const res = readEppgbmRow(r.line, aligned.cells, map, today);
    if (res.row) rows.push(res.row);
    else for (const e of res.errors) reject(e);
  }
  return { report, rows };
}

/** Places → codes, inside what the actor can see; NIKs checked against the birth date and sex. */
async function placeRows(
  db: Kysely<Database>,
  actor: Actor,
  rows: readonly EppgbmRow[],
  report: ImportResult,
  reject: (e: ImportRowError) => void,
) {
  const inScope = await regionsInScope(db, readScopes(actor));
  const places = new PlaceIndex(inScope);
  const provinces = places.childrenOf("");
  const allKabupaten = provinces.flatMap((p) => places.childrenOf(p));
  const kecamatanCodes = new Set(inScope.filter((r) => r.level === "kecamatan").map((r) => r.code));
  const otherKecamatan = new Map<string, boolean>();
  const kabs = new Map<string, string[]>();
  /** Where a row's place names lead: a refusal, or the desa (and posyandu) with a warning if any. */
  const placeOf = (row: EppgbmRow): PlaceOutcome => {
    let kabCodes: string[] | null = null;
    if (row.kabKota) {
      kabCodes = kabs.get(row.kabKota) ?? places.find(provinces, row.kabKota);
      kabs.set(row.kabKota, kabCodes);
    }
    const kecs = kabCodes ? places.find(kabCodes, row.kec) : places.find(allKabupaten, row.kec);
    if (kabCodes && kabCodes.length === 0) {
      return {
        reject: { column: "Kab/Kota", code: "unknown_kabupaten", params: { name: row.kabKota ?? "" } },
      };
    }
    if (kecs.length !== 1) {
      return {
        reject: {
          column: "Kec",
          code: kecs.length === 0 ? "unknown_kecamatan" : "ambiguous_kecamatan",
          params: { name: row.kec },
        },
      };
    }
    const desas = places.find(kecs, row.desa);
    if (desas.length !== 1) {
      return {
        reject: { column: "Desa/Kel", code: "unknown_desa", params: { name: row.desa, kecamatan: row.kec } },
      };
    }
    const desa = desas[0] as string;
    if (!hasPowerAt(actor, "write", desa)) {
      return { reject: { column: "Desa/Kel", code: "desa_outside_area", params: { name: row.desa } } };
    }
    let posyandu: string | null = null;
    if (row.posyandu) {
      posyandu = places.find([desa], row.posyandu).find((c) => c.includes(".P")) ?? null;
      if (!posyandu) {
        const params = { name: row.posyandu, desa: row.desa };
        return { desa, posyandu, warning: { column: "Posyandu", code: "unknown_posyandu", params } };
      }
    }
    return { desa, posyandu, warning: null };
  };
  // A file names the same few hundred places on all its rows: each combination is looked up once.
  const outcomes = new Map<string, PlaceOutcome>();
  const placed: { row: EppgbmRow; desa: string; posyandu: string | null }[] = [];
  for (const row of rows) {
    const key = JSON.stringify([row.kabKota, row.kec, row.desa, row.posyandu]);
    let outcome = outcomes.get(key);
    if (outcome === undefined) {
      outcome = placeOf(row);
      outcomes.set(key, outcome);
    }
    if ("reject" in outcome) {
      const { column, code, params } = outcome.reject;
      reject({ line: row.line, column, code, params: { ...params } });
      continue;
    }
    const { desa, posyandu, warning } = outcome;
    if (warning) report.warnings.push({ line: row.line, ...warning, params: { ...warning.params } });
    if (row.nik) {
      const kec = `${row.nik.slice(0, 2)}.${row.nik.slice(2, 4)}.${row.nik.slice(4, 6)}`;
      // A NIK issued in a kecamatan outside the caller's area is looked up once per import, not per row.
      let known = kecamatanCodes.has(kec) || otherKecamatan.get(kec);
      if (known === undefined) {
        known = await isKecamatan(db, kec);
        otherKecamatan.set(kec, known);
      }
      const check = checkNik(row.nik, { birthDate: row.birthDate, sex: row.sex }, () => known);
      if (check.reasons.error) {
        reject({ line: row.line, column: "NIK", ...check.reasons.error });
        continue;
      }
      for (const w of check.reasons.warnings) report.warnings.push({ line: row.line, column: "NIK", ...w });
    }
    placed.push({ row, desa, posyandu });
  }
  return placed;
}

type PlaceNote = Omit<ImportRowError, "line">;
type PlaceOutcome =
  | { reject: PlaceNote }
  | { desa: string; posyandu: string | null; warning: PlaceNote | null };

const identityKey = (desa: string, key: string, birth: string) => `${desa}|${key}|${birth}`;

/** Adds `item` to the list under `key`, growing it in place (not a copy of the list per child). */
function addTo<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

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
