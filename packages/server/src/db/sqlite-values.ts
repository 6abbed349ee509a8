import type SQLite from "better-sqlite3";

/**
 * Two kinds of values are stored compactly on SQLite (issue 18, storage: the 25k-child demo from 367 MB to
 * under 250): ids as 16-byte BLOBs instead of 36-character text (five of a measurement's columns and most
 * of its indexes' width), and the growth categories a measurement keeps (`tbu.sangat_pendek`, four per
 * row) as a 1-byte BLOB holding their number in `CATEGORY_CODES`. The rest of the code keeps seeing the
 * text: the conversion happens here, at the driver, for every statement prepared on an SQLite database
 * opened by `openDatabase` (Kysely's and the raw paths' alike):
 *
 * - a bound parameter that is a canonical lowercase UUID string is bound as its 16 bytes, one that is a
 *   category code as its 1-byte code;
 * - a 16-byte BLOB in a result is returned as the canonical string, a 1-byte BLOB as the category code.
 *
 * The rule is about values, not columns, so a text a user typed that happens to be a canonical UUID is
 * stored as bytes too and reads back unchanged (sorted by that text column it comes after every other
 * text: SQLite orders BLOBs after TEXT; `lower()`/`like` on it see the bytes — a name nobody types). Equality, IN, joins, uniqueness and ORDER BY behave as on
 * the text: the bytes compare (memcmp) in the order of the lowercase hex text. Two consequences the schema
 * must keep true: no column holds other BLOBs of 1 or 16 bytes (a binary column would read back as text),
 * and SQL must not compute on an id's or a category's characters (`||`, substr, like, lower, hex, or a
 * literal like `'tbu.pendek'` written in the SQL text instead of bound, would see or miss the bytes).
 * PostgreSQL keeps the text: this file is not used there.
 */

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The GLOB pattern matching exactly the canonical strings (the migration converting stored text uses it). */
export const CANONICAL_UUID_GLOB = `${"[0-9a-f]".repeat(8)}-${"[0-9a-f]".repeat(4)}-${"[0-9a-f]".repeat(4)}-${"[0-9a-f]".repeat(4)}-${"[0-9a-f]".repeat(12)}`;

/**
 * The growth categories (Permenkes 2/2020 bands, growth data/permenkes-2-2020.ts) by their stored number:
 * position + 1. Stored data depends on it: only ever append (a test checks every band has a number).
 * Migration 2026-12-07T0100-compact-values keeps a copy of the list as it was then.
 */
export const CATEGORY_CODES: readonly string[] = [
  "tbu.sangat_pendek",
  "tbu.pendek",
  "tbu.normal",
  "tbu.tinggi",
  "bbu.sangat_kurang",
  "bbu.kurang",
  "bbu.normal",
  "bbu.risiko_lebih",
  "bbtb.gizi_buruk",
  "bbtb.gizi_kurang",
  "bbtb.gizi_baik",
  "bbtb.berisiko_gizi_lebih",
  "bbtb.gizi_lebih",
  "bbtb.obesitas",
  "imtu.gizi_buruk",
  "imtu.gizi_kurang",
  "imtu.gizi_baik",
  "imtu.berisiko_gizi_lebih",
  "imtu.gizi_lebih",
  "imtu.obesitas",
  "imtu518.gizi_buruk",
  "imtu518.gizi_kurang",
  "imtu518.gizi_baik",
  "imtu518.gizi_lebih",
  "imtu518.obesitas",
];

const CODE_OF = new Map(CATEGORY_CODES.map((c, i) => [c, Buffer.from([i + 1])]));

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const NIBBLE = new Map([..."0123456789abcdef"].map((c, i) => [c.charCodeAt(0), i]));

export function isCanonicalUuid(v: string): boolean {
  // The length and dash tests first: most strings bound (names, dates, codes) fail them at once.
  return v.length === 36 && v.charCodeAt(8) === 45 && v.charCodeAt(23) === 45 && CANONICAL.test(v);
}

/** The value as SQLite stores it: a canonical UUID as its 16 bytes, a category as its code, else unchanged. */
export function toSqliteValue(v: unknown): unknown {
  if (typeof v !== "string") return v;
  if (!isCanonicalUuid(v)) return CODE_OF.get(v) ?? v;
  const out = Buffer.allocUnsafe(16);
  let j = 0;
  for (let i = 0; i < 16; i++) {
    if (j === 8 || j === 13 || j === 18 || j === 23) j++;
    out[i] = ((NIBBLE.get(v.charCodeAt(j)) as number) << 4) | (NIBBLE.get(v.charCodeAt(j + 1)) as number);
    j += 2;
  }
  return out;
}

/** A value read from SQLite as the application sees it: a 16-byte BLOB as the UUID, a 1-byte one as the category. */
export function fromSqliteValue(v: unknown): unknown {
  if (!(v instanceof Uint8Array)) return v;
  if (v.length === 1) return CATEGORY_CODES[(v[0] as number) - 1] ?? v;
  if (v.length !== 16) return v;
  const h = (i: number) => HEX[v[i] as number];
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

/** better-sqlite3 takes parameters as values, arrays of values or one object of named values. */
function toParameters(args: unknown[]): unknown[] {
  const out = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (Array.isArray(a)) out[i] = a.map(toSqliteValue);
    else if (a !== null && typeof a === "object" && !(a instanceof Uint8Array)) {
      const named: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a)) named[k] = toSqliteValue(v);
      out[i] = named;
    } else out[i] = toSqliteValue(a);
  }
  return out;
}

type Mode = "object" | "raw" | "pluck" | "expand";

function fromRow(row: unknown, mode: Mode): unknown {
  if (row === undefined || row === null) return row;
  if (mode === "pluck") return fromSqliteValue(row);
  if (mode === "raw") {
    const r = row as unknown[];
    for (let i = 0; i < r.length; i++) if (r[i] instanceof Uint8Array) r[i] = fromSqliteValue(r[i]);
    return r;
  }
  const o = row as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v instanceof Uint8Array) o[k] = fromSqliteValue(v);
    else if (mode === "expand" && v !== null && typeof v === "object") fromRow(v, "object");
  }
  return o;
}

/** A prepared statement converting its parameters and results (see the file's comment). */
class IdStatement {
  #mode: Mode = "object";
  constructor(readonly inner: SQLite.Statement) {}
  get reader() {
    return this.inner.reader;
  }
  get readonly() {
    return this.inner.readonly;
  }
  get source() {
    return this.inner.source;
  }
  get busy() {
    return this.inner.busy;
  }
  get database() {
    return this.inner.database;
  }
  run(...args: unknown[]) {
    return this.inner.run(...toParameters(args));
  }
  get(...args: unknown[]) {
    return fromRow(this.inner.get(...toParameters(args)), this.#mode);
  }
  all(...args: unknown[]) {
    const rows = this.inner.all(...toParameters(args));
    for (let i = 0; i < rows.length; i++) rows[i] = fromRow(rows[i], this.#mode);
    return rows;
  }
  *iterate(...args: unknown[]) {
    const mode = this.#mode;
    for (const row of this.inner.iterate(...toParameters(args))) yield fromRow(row, mode);
  }
  raw(on = true) {
    this.inner.raw(on);
    this.#mode = on ? "raw" : "object";
    return this;
  }
  pluck(on = true) {
    this.inner.pluck(on);
    this.#mode = on ? "pluck" : "object";
    return this;
  }
  expand(on = true) {
    this.inner.expand(on);
    this.#mode = on ? "expand" : "object";
    return this;
  }
  safeIntegers(on = true) {
    this.inner.safeIntegers(on);
    return this;
  }
  bind(...args: unknown[]) {
    this.inner.bind(...toParameters(args));
    return this;
  }
  columns() {
    return this.inner.columns();
  }
}

/**
 * The handle with `prepare` converting ids and categories; everything else (exec, pragma, serialize, backup, transactions,
 * inTransaction) is the handle's own. Kysely's dialect and every raw path get this one.
 */
export function withCompactValues(handle: SQLite.Database): SQLite.Database {
  const prepare = (source: string) => new IdStatement(handle.prepare(source));
  return new Proxy(handle, {
    get(target, key) {
      if (key === "prepare") return prepare;
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
