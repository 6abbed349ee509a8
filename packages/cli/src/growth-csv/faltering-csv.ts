/**
 * `tumbuh growth faltering`: N/T/O/B and 2T for every weighing of a CSV, by the same engine the server and
 * the phone use (`@tumbuh/growth` faltering: Buku KIA 2023 p. 54 — the growth line first, then the KBM).
 * Pure: text in, text out (the command reads and writes the files).
 *
 * Input: a header row naming `child_id, sex, birth_date, measured_on, weight_kg` in any order (others are
 * copied through), one row per weighing. Output: the input columns, then `letter`, `two_t` (0/1), the
 * numbers behind the letter (`gain_g`, `kbm_g`, `line_weight_kg`, `reason`) and `error`. A bad row keeps its
 * values, gets a message in `error` and is left out of its child's history; the others are still judged.
 */
import { type CsvCell, parseCsv, toCsv } from "@tumbuh/core";
import { type FalteringEntry, faltering, type Weighing } from "@tumbuh/growth";

export const REQUIRED_COLUMNS = ["child_id", "sex", "birth_date", "measured_on", "weight_kg"] as const;
export const ADDED_COLUMNS = [
  "letter",
  "two_t",
  "gain_g",
  "kbm_g",
  "line_weight_kg",
  "reason",
  "error",
] as const;

export class FalteringCsvError extends Error {}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function sexOf(s: string): 1 | 2 | null {
  const v = s.trim().toLowerCase();
  if (v === "1" || v === "m" || v === "l") return 1;
  if (v === "2" || v === "f" || v === "p") return 2;
  return null;
}

/** Reads the CSV text, judges every child's weighings, returns the output CSV text and counts. */
export function falteringCsv(text: string): { csv: string; rows: number; rowsWithError: number } {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new FalteringCsvError("the input is empty (a header row is needed)");
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const col: Record<string, number> = {};
  for (const c of REQUIRED_COLUMNS) {
    const i = names.indexOf(c);
    if (i < 0) throw new FalteringCsvError(`missing column "${c}" (needed: ${REQUIRED_COLUMNS.join(", ")})`);
    col[c] = i;
  }
  const clash = ADDED_COLUMNS.find((c) => names.includes(c));
  if (clash) throw new FalteringCsvError(`the input already has an output column "${clash}"`);

  const errors: (string | null)[] = records.map(() => null);
  const byChild = new Map<string, { index: number; w: Weighing }[]>();
  const childFacts = new Map<string, { sex: 1 | 2; birth: string }>();
  records.forEach((r, index) => {
    const get = (c: (typeof REQUIRED_COLUMNS)[number]) => (r.fields[col[c] as number] ?? "").trim();
    const id = get("child_id");
    const sex = sexOf(get("sex"));
    const birth = get("birth_date");
    const on = get("measured_on");
    const kg = Number(get("weight_kg").replace(",", "."));
    let error: string | null = null;
    if (id === "") error = "child_id is empty";
    else if (sex === null) error = `sex must be 1/2 (or m/f, l/p), not "${get("sex")}"`;
    else if (!validDate(birth)) error = `birth_date must be a date YYYY-MM-DD, not "${birth}"`;
    else if (!validDate(on)) error = `measured_on must be a date YYYY-MM-DD, not "${on}"`;
    else if (on < birth) error = "measured_on is before birth_date";
    else if (get("weight_kg") === "" || !Number.isFinite(kg) || kg <= 0 || kg > 60)
      error = `weight_kg must be a weight in kg above 0, not "${get("weight_kg")}"`;
    else {
      const known = childFacts.get(id);
      if (known && (known.sex !== sex || known.birth !== birth))
        error = `child ${id} has another sex or birth date on an earlier row`;
      else childFacts.set(id, { sex, birth });
    }
    if (error !== null) {
      errors[index] = error;
      return;
    }
    const list = byChild.get(id) ?? [];
    list.push({ index, w: { date: on, weightKg: kg, birthDate: birth, sex: sex as 1 | 2 } });
    byChild.set(id, list);
  });

  const results: (FalteringEntry | null)[] = records.map(() => null);
  for (const list of byChild.values()) {
    // The engine sorts by date and keeps input order within a day; map its entries back to the rows.
    const order = list
      .map((x, i) => ({ ...x, i }))
      .sort((a, b) => (a.w.date < b.w.date ? -1 : a.w.date > b.w.date ? 1 : a.i - b.i));
    const { entries } = faltering(order.map((x) => x.w));
    order.forEach((x, i) => {
      results[x.index] = entries[i] ?? null;
    });
  }

  const out: CsvCell[][] = [[...header.fields, ...ADDED_COLUMNS]];
  records.forEach((r, i) => {
    const e = results[i];
    const cells: CsvCell[] = [...r.fields];
    while (cells.length < header.fields.length) cells.push("");
    cells.length = header.fields.length;
    out.push([
      ...cells,
      e?.status ?? null,
      e ? (e.twoT ? 1 : 0) : null,
      e?.gainGrams ?? null,
      e?.kbmGrams ?? null,
      e?.lineWeightKg ?? null,
      e?.reason ?? null,
      errors[i] ?? null,
    ]);
  });
  return { csv: toCsv(out), rows: records.length, rowsWithError: errors.filter((e) => e !== null).length };
}
