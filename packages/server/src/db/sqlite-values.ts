import type SQLite from "better-sqlite3";

/**
 * Two kinds of values are stored compactly on SQLite (issue 18, storage: the 25k-child demo from 367 MB to
 * under 250): ids as 16-byte BLOBs instead of 36-character text (five of a measurement's columns and most
 * of its indexes' width), and the growth categories a measurement keeps (`tbu.sangat_pendek`, four per
 * row) as a 2-character text: a control character and their number in `CATEGORY_CODES`. The rest of the code keeps seeing the
 * text: the conversion happens here, at the driver, for every statement prepared on an SQLite database
 * opened by `openDatabase` (Kysely's and the raw paths' alike):
 *
 * - a bound parameter that is a canonical lowercase UUID string is bound as its 16 bytes, one that is a
 *   category code as its 2-character code;
 * - a 16-byte BLOB in a result is returned as the canonical string, a 2-character code as the category.
 *
 * (Categories are not BLOBs, though a byte would do: every BLOB read becomes a Node Buffer, and a region's
 * rebuild reading a million of them spent seconds more in garbage collection.)
 *
 * The rule is about values, not columns, so a text a user typed that happens to be a canonical UUID is
 * stored as bytes too and reads back unchanged (sorted by that text column it comes after every other
 * text: SQLite orders BLOBs after TEXT; `lower()`/`like` on it see the bytes — a name nobody types); a text
 * of two characters starting with U+0001 would read back as a category (nobody types that either). Equality, IN, joins, uniqueness and ORDER BY behave as on
 * the text: the bytes compare (memcmp) in the order of the lowercase hex text. Two consequences the schema
 * must keep true: no column holds other 16-byte BLOBs (a binary column would read back as text),
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

/** The first character of a stored category: a control character no one types (see the file's comment). */
const CATEGORY_MARK = 1;
/** Category number n is stored as the text "\x01" + the character 64 + n ("\x01C" is `tbu.normal`). */
const CODE_OF = new Map(CATEGORY_CODES.map((c, i) => [c, String.fromCharCode(CATEGORY_MARK, 65 + i)]));

/** The categories' first letters ("tbu.", "bbu.", "bbtb.", "imtu…") and their lengths. */
const CATEGORY_FIRST = new Set(CATEGORY_CODES.map((c) => c.charCodeAt(0)));
const CATEGORY_MIN = Math.min(...CATEGORY_CODES.map((c) => c.length));
const CATEGORY_MAX = Math.max(...CATEGORY_CODES.map((c) => c.length));

/**
 * A category's stored code, or the text itself. Most text bound is no category (names, dates, codes): the
 * first letter and the length turn it away before the map, which would hash every fresh string (an import
 * binds ~300k of them).
 */
function codeOf(v: string): string {
  if (v.length < CATEGORY_MIN || v.length > CATEGORY_MAX || !CATEGORY_FIRST.has(v.charCodeAt(0))) return v;
  return CODE_OF.get(v) ?? v;
}

/** Hex digits as ASCII bytes, for writing a UUID's text into `scratch` in one pass. */
const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0")).map((h) => [
  h.charCodeAt(0),
  h.charCodeAt(1),
]);
/**
 * A hex digit's value by its character code, -1 for any other character. A typed array, not a Map: 32 Map
 * lookups per id made binding a UUID cost ~1.5 µs (0.75 s for 500k, a tenth of an import's CPU); the table
 * takes ~0.1 µs, and tells a canonical UUID from other text in the same pass (no regular expression).
 */
const NIBBLE = new Int8Array(128).fill(-1);
for (const [i, c] of [..."0123456789abcdef"].entries()) NIBBLE[c.charCodeAt(0)] = i;
/** Byte i of a UUID goes to position AT[i] of its text (dashes after bytes 4, 6, 8 and 10). */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const scratch = Buffer.from("00000000-0000-0000-0000-000000000000", "latin1");

export function isCanonicalUuid(v: string): boolean {
  // The length and dash tests first: most strings bound (names, dates, codes) fail them at once.
  return v.length === 36 && v.charCodeAt(8) === 45 && v.charCodeAt(23) === 45 && CANONICAL.test(v);
}

/** Writes the 16 bytes of `v` into `out` when `v` is a canonical UUID; false (`out` spoilt) when not. */
function uuidInto(v: string, out: Uint8Array): boolean {
  if (
    v.length !== 36 ||
    v.charCodeAt(8) !== 45 ||
    v.charCodeAt(13) !== 45 ||
    v.charCodeAt(18) !== 45 ||
    v.charCodeAt(23) !== 45
  ) {
    return false;
  }
  for (let i = 0; i < 16; i++) {
    const at = AT[i] as number;
    const hi = v.charCodeAt(at);
    const lo = v.charCodeAt(at + 1);
    const h = hi < 128 ? (NIBBLE[hi] as number) : -1;
    const l = lo < 128 ? (NIBBLE[lo] as number) : -1;
    if (h < 0 || l < 0) return false;
    out[i] = (h << 4) | l;
  }
  return true;
}

/** The value as SQLite stores it: a canonical UUID as its 16 bytes, a category as its code, else unchanged. */
export function toSqliteValue(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const out = Buffer.allocUnsafe(16);
  return uuidInto(v, out) ? out : codeOf(v);
}

/**
 * Buffers for the ids of one statement's parameters, reused by the next: SQLite copies a bound BLOB
 * (better-sqlite3 binds with SQLITE_TRANSIENT) before `run`/`get`/`all`/`iterate` returns, so none is read
 * after. An import binds ~150k ids; a new Buffer for each was garbage to collect (issue 16).
 */
const idBuffers: Buffer[] = [];
let idBuffersUsed = 0;

/** `toSqliteValue` for a parameter about to be bound, its bytes in one of `idBuffers`. */
function boundValue(v: unknown): unknown {
  if (typeof v !== "string") return v;
  let out = idBuffers[idBuffersUsed];
  if (!out) {
    out = Buffer.alloc(16);
    idBuffers.push(out);
  }
  if (!uuidInto(v, out)) return codeOf(v);
  idBuffersUsed++;
  return out;
}

/** A value read from SQLite as the application sees it: 16 bytes as the UUID, a category code as the category. */
export function fromSqliteValue(v: unknown): unknown {
  if (typeof v === "string") {
    if (v.length !== 2 || v.charCodeAt(0) !== CATEGORY_MARK) return v;
    return CATEGORY_CODES[v.charCodeAt(1) - 65] ?? v;
  }
  if (!(v instanceof Uint8Array) || v.length !== 16) return v;
  // Written into one buffer and read as one flat string: a string built of 21 pieces costs the reads of a
  // whole region (the rebuild) a second or more of garbage collection and slower Map lookups.
  for (let i = 0; i < 16; i++) {
    const [hi, lo] = HEX_BYTES[v[i] as number] as number[];
    scratch[AT[i] as number] = hi as number;
    scratch[(AT[i] as number) + 1] = lo as number;
  }
  return scratch.toString("latin1", 0, 36);
}

/** better-sqlite3 takes parameters as values, arrays of values or one object of named values. */
function toParameters(args: unknown[]): unknown[] {
  idBuffersUsed = 0;
  const out = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (Array.isArray(a)) {
      const values = new Array(a.length);
      for (let j = 0; j < a.length; j++) values[j] = boundValue(a[j]);
      out[i] = values;
    } else if (a !== null && typeof a === "object" && !(a instanceof Uint8Array)) {
      const named: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a)) named[k] = boundValue(v);
      out[i] = named;
    } else out[i] = boundValue(a);
  }
  return out;
}

type Mode = "object" | "raw" | "pluck" | "expand";

function fromRow(row: unknown, mode: Mode): unknown {
  if (row === undefined || row === null) return row;
  if (mode === "pluck") return fromSqliteValue(row);
  if (mode === "raw") {
    const r = row as unknown[];
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (v instanceof Uint8Array || (typeof v === "string" && v.length === 2)) r[i] = fromSqliteValue(v);
    }
    return r;
  }
  const o = row as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v instanceof Uint8Array || (typeof v === "string" && v.length === 2)) o[k] = fromSqliteValue(v);
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
 * Runs `statement` with `values` converted in place when it converts them (prepared on a handle from
 * withCompactValues): for a caller that owns the array and binds a thousand values at a time (db/bulk-insert,
 * 1,200 statements a 30k-row import), no copy of the array is made per statement.
 */
export function runWithOwnValues(statement: SQLite.Statement, values: unknown[]): SQLite.RunResult {
  if (!(statement instanceof IdStatement)) return statement.run(values);
  idBuffersUsed = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Only text is converted (an id, a category); most values are numbers, nulls or ids already bytes.
    if (typeof v === "string") values[i] = boundValue(v);
  }
  return statement.inner.run(values);
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
