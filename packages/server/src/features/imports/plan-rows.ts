import {
  type Actor,
  type CellError,
  checkNik,
  desaCodeOf,
  type EppgbmRow,
  hasPowerAt,
  type ImportResult,
  type ImportRowError,
  nameKey,
  readScopes,
} from "@tumbuh/core";
import { deriveMany, type RawMeasurement } from "@tumbuh/core/growth-views";
import type { Kysely } from "kysely";
import type { Database, MeasurementsTable, PersonsTable } from "../../db/schema";
import { uuidv7 } from "../../util/ids";
import { measurementRow } from "../measurements/service";
import { PlaceIndex } from "./place-index";
import { type Candidate, isKecamatan, loadCandidates, measuredDays, regionsInScope } from "./queries";
import type { ImportItem } from "./slices";

/** A planned row: what to store, and the file's row it came from (the reconciliation compares them). */
export interface Planned {
  item: ImportItem;
  row: EppgbmRow;
}

/**
 * The rows of one file, chunk after chunk, made into what to store: places → codes inside what the actor
 * can see, NIKs checked, children matched to the registry (by NIK, else by sound-alike name + birth date +
 * parent in the same desa) or registered, rows already in the database skipped, z-scores computed. What it
 * learnt (places, the registry's children, who this file registers) carries over from chunk to chunk, so
 * a file in chunks gives what the whole file at once gives: the registry is read for a desa or a NIK the
 * first time the file names it, and a child this file registers lies in a desa read before (its NIK, if
 * any, is known from then on) — so rows written meanwhile by this import are never read back as the
 * registry's.
 */
export class RowPlanner {
  /** Children by NIK; null: the registry was asked for this NIK and has nobody (yet). */
  readonly #byNik = new Map<string, Child | null>();
  /** Children by desa, then birth date (the sound-alike name and the rest are compared in the list). */
  readonly #byBirth = new Map<string, Map<string, Child[]>>();
  /** The registry's children already read, by id (a child found by NIK, then in its desa, is one child). */
  readonly #known = new Map<string, Child>();
  readonly #desasRead = new Set<string>();
  /** Every desa a placed row named (the audit entry's region). */
  readonly desas = new Set<string>();

  private constructor(
    private readonly actor: Actor,
    private readonly report: ImportResult,
    private readonly meta: { importId: string; at: string },
    private readonly place: (rows: readonly EppgbmRow[], conn: Kysely<Database>) => Promise<Placed[]>,
  ) {}

  static async open(
    db: Kysely<Database>,
    actor: Actor,
    report: ImportResult,
    meta: { importId: string; at: string },
  ): Promise<RowPlanner> {
    return new RowPlanner(actor, report, meta, await placer(db, actor, report));
  }

  #reject(e: CellError | ImportRowError): void {
    this.report.rejected.push(e);
  }

  /**
   * The next chunk of rows (file order): what to store of it. Rejections and warnings go to the report. Its
   * reads go through `conn`: the import's open write transaction, when it plans inside one.
   */
  async plan(rows: readonly EppgbmRow[], conn: Kysely<Database>): Promise<Planned[]> {
    const placed = await this.place(rows, conn);
    for (const p of placed) this.desas.add(p.desa);
    await this.#readRegistry(placed, conn);
    const matched = this.#match(placed);
    return this.#toStore(await this.#skipStored(matched, conn));
  }

  /** The registry for the desa and NIKs this chunk names first. */
  async #readRegistry(placed: readonly Placed[], conn: Kysely<Database>): Promise<void> {
    const desas = [...new Set(placed.map((p) => p.desa))].filter((d) => !this.#desasRead.has(d));
    const niks: string[] = [];
    for (const { row } of placed) {
      const nik = row.nik;
      if (nik && !this.#byNik.has(nik)) {
        // Marked asked as it is listed: a NIK twice in the chunk is asked for once.
        this.#byNik.set(nik, null);
        niks.push(nik);
      }
    }
    if (desas.length === 0 && niks.length === 0) return;
    for (const d of desas) this.#desasRead.add(d);
    for (const c of await loadCandidates(conn, desas, niks)) {
      if (this.#known.has(c.id)) continue;
      const child = this.#add(desaCodeOf(c.region_code), c);
      this.#known.set(c.id, child);
    }
  }

  /** A child known from now on: by NIK, and by desa and birth date. */
  #add(desa: string, person: Candidate): Child {
    const child: Child = { person, day: null, line: 0, more: null };
    if (person.nik) this.#byNik.set(person.nik, child);
    let births = this.#byBirth.get(desa);
    if (!births) {
      births = new Map();
      this.#byBirth.set(desa, births);
    }
    const list = births.get(person.birth_date);
    if (list) list.push(child);
    else births.set(person.birth_date, [child]);
    return child;
  }

  #match(placed: readonly Placed[]): Matched[] {
    const { actor } = this;
    const out: Matched[] = [];
    for (const { row, desa, posyandu } of placed) {
      let child = row.nik ? this.#byNik.get(row.nik) : undefined;
      if (
        row.nik &&
        child &&
        desaCodeOf(child.person.region_code) !== desa &&
        !hasPowerAt(actor, "write", child.person.region_code)
      ) {
        this.#reject({ line: row.line, column: "NIK", code: "nik_outside_area", params: {} });
        continue;
      }
      // The sound-alike name only for a child its NIK did not find (next month's file: hardly any).
      let key = "";
      if (!child) {
        key = nameKey(row.name);
        const same = this.#byBirth.get(desa)?.get(row.birthDate);
        // The parent's key only when someone of this name and birth date is known (a new regency: nobody).
        let parentKey: string | null | undefined;
        child = same?.find((c) => {
          const p = c.person;
          if (p.name_key !== key || p.sex !== row.sex || (row.nik && p.nik && p.nik !== row.nik))
            return false;
          if (!row.parentName || p.parent_name === null) return true;
          parentKey ??= nameKey(row.parentName);
          return nameKey(p.parent_name) === parentKey;
        });
      }
      let created: PersonsTable | null = null;
      if (!child) {
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
          created_at: this.meta.at,
          updated_at: this.meta.at,
          revision: 1,
          deleted_at: null,
          merged_into: null,
        };
        child = this.#add(desa, created);
      }
      // A second row of one child on one day is refused; the child keeps its first day inline (most have one).
      const earlier =
        child.day === row.measuredOn ? child.line : child.more?.find((d) => d.day === row.measuredOn)?.line;
      if (earlier !== undefined) {
        this.#reject({
          line: row.line,
          column: "Tanggal Pengukuran",
          code: "duplicate_row",
          params: { line: earlier },
        });
        continue;
      }
      if (child.day === null) {
        child.day = row.measuredOn;
        child.line = row.line;
      } else if (child.more) child.more.push({ day: row.measuredOn, line: row.line });
      else child.more = [{ day: row.measuredOn, line: row.line }];
      out.push({ person: child.person, row, created });
    }
    return out;
  }

  /** Rows of children already registered, on a day they were already measured: present, not stored again. */
  async #skipStored(matched: readonly Matched[], conn: Kysely<Database>): Promise<Unstored[]> {
    const known = matched.filter((p) => !p.created);
    let firstDay = "9999-12-31";
    let lastDay = "0000-01-01";
    for (const { row } of known) {
      if (row.measuredOn < firstDay) firstDay = row.measuredOn;
      if (row.measuredOn > lastDay) lastDay = row.measuredOn;
    }
    // Earlier measurements of the children already registered, on the chunk's days only. (A day this
    // import stored for a child in an earlier chunk is not among them: two rows of a child on one day
    // were refused above.)
    const existingDays =
      known.length === 0
        ? new Set<string>()
        : await measuredDays(
            conn,
            known.map((p) => p.person.id),
            firstDay,
            lastDay,
          );
    const out: Unstored[] = [];
    for (const { person, row, created } of matched) {
      // A child registered by this import has no earlier measurements.
      if (!created && existingDays.has(`${person.id}|${row.measuredOn}`)) {
        this.report.alreadyPresent++;
        continue;
      }
      if (row.lenheiCm !== null && row.measure === null) {
        this.report.warnings.push({
          line: row.line,
          column: "Cara Ukur",
          code: "no_measure_method",
          params: {},
        });
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
      out.push({ person, row, created, raw });
    }
    return out;
  }

  #toStore(rows: readonly Unstored[]): Planned[] {
    // Z-scores of all rows in one run of the growth engine (one run per row was a fifth of the import's CPU).
    const derived = deriveMany(
      rows.map(({ person, raw }) => ({
        person: { sex: person.sex === 2 ? 2 : 1, birthDate: person.birth_date },
        m: raw,
      })),
    );
    const meta = {
      sessionId: null,
      importId: this.meta.importId,
      createdBy: this.actor.userId,
      at: this.meta.at,
    };
    return rows.map(({ person, row, created, raw }, i) => {
      const measurement: MeasurementsTable = measurementRow(person, raw, meta, derived[i]);
      const hasSource = hasAny(row.source);
      return {
        row,
        item: {
          person: created,
          measurement,
          source: hasSource
            ? {
                measurement_id: measurement.id,
                import_id: this.meta.importId,
                line: row.line,
                values_json: JSON.stringify(row.source),
              }
            : null,
        },
      };
    });
  }
}

/** A child of the registry or of this file, with the days this file measured it (the first inline). */
interface Child {
  person: Candidate;
  day: string | null;
  line: number;
  more: { day: string; line: number }[] | null;
}

/** A row with the child it is about (`created`: registered by this import). */
interface Matched {
  person: Candidate;
  row: EppgbmRow;
  created: PersonsTable | null;
}
/** A matched row not yet in the database, as the growth engine takes it. */
interface Unstored extends Matched {
  raw: RawMeasurement;
}

interface Placed {
  row: EppgbmRow;
  desa: string;
  posyandu: string | null;
}

/** Places → codes, inside what the actor can see; NIKs checked against the birth date and sex. */
async function placer(
  db: Kysely<Database>,
  actor: Actor,
  report: ImportResult,
): Promise<(rows: readonly EppgbmRow[], conn: Kysely<Database>) => Promise<Placed[]>> {
  const reject = (e: ImportRowError) => report.rejected.push(e);
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
  let last: { row: EppgbmRow; outcome: PlaceOutcome } | null = null;
  return async (rows, conn) => {
    const placed: Placed[] = [];
    for (const row of rows) {
      let outcome: PlaceOutcome | undefined;
      // A file lists a posyandu's children one after another: most rows name the places the row before did.
      if (
        last &&
        row.desa === last.row.desa &&
        row.posyandu === last.row.posyandu &&
        row.kec === last.row.kec &&
        row.kabKota === last.row.kabKota
      ) {
        outcome = last.outcome;
      } else {
        // Separated by a character no place name holds; a missing name is not an empty one.
        const key = `${row.kabKota ?? "\u0001"}\u0000${row.kec}\u0000${row.desa}\u0000${row.posyandu ?? "\u0001"}`;
        outcome = outcomes.get(key);
        if (outcome === undefined) {
          outcome = placeOf(row);
          outcomes.set(key, outcome);
        }
        last = { row, outcome };
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
          known = await isKecamatan(conn, kec);
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
  };
}

type PlaceNote = Omit<ImportRowError, "line">;
type PlaceOutcome =
  | { reject: PlaceNote }
  | { desa: string; posyandu: string | null; warning: PlaceNote | null };

/** Whether an object has any key (without listing them all, once per row). */
function hasAny(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
