import { isPlausibleDate } from "./dates";
import { parseDecimal } from "./format/decimal";
import type { ImportReason, ReasonParams } from "./import-reasons";

/**
 * Reading rows of the e-PPGBM "by name by address" export (Kemenkes' elektronik Pencatatan dan Pelaporan
 * Gizi Berbasis Masyarakat). Headers are matched ignoring case, spaces and punctuation; values accept the
 * forms found in exports and hand-edited sheets (dd/mm/yyyy or yyyy-mm-dd, decimal comma). A value that
 * cannot be read is an error on that row and column — never guessed.
 */
export const EPPGBM_COLUMNS = {
  nik: ["nik", "nikanak"],
  nama: ["nama", "namaanak", "namabalita"],
  jk: ["jk", "jeniskelamin", "lp"],
  tglLahir: ["tgllahir", "tanggallahir"],
  // The Operasi Timbang file names the birth values "Berat Lahir - Sasaran (kg)", "Panjang Lahir - Sasaran (cm)".
  bbLahir: ["bblahir", "beratlahir", "beratbadanlahir", "beratlahirsasaran"],
  tbLahir: ["tblahir", "pblahir", "panjanglahir", "panjangbadanlahir", "panjanglahirsasaran"],
  namaOrtu: ["namaortu", "namaorangtua", "namaibu", "namaibukandung"],
  prov: ["prov", "provinsi"],
  kabKota: ["kabkota", "kabupatenkota", "kabupaten", "kota"],
  kec: ["kec", "kecamatan"],
  // SIGIZI Terpadu's export spells the column "Pukesmas" (issue 16; a public Laravel importer of these
  // exports reads `$row['pukesmas']`).
  puskesmas: ["puskesmas", "pukesmas", "pkm"],
  desaKel: ["desakel", "desakelurahan", "desa", "kelurahan"],
  posyandu: ["posyandu"],
  rt: ["rt"],
  rw: ["rw"],
  alamat: ["alamat"],
  tanggalPengukuran: ["tanggalpengukuran", "tglpengukuran", "tglukur", "tanggalukur", "tanggalpenimbangan"],
  berat: ["berat", "bb", "beratbadan"],
  tinggi: ["tinggi", "tb", "pb", "tinggibadan", "panjangbadan"],
  caraUkur: ["caraukur", "carapengukuran"],
  lila: ["lila", "lingkarlenganatas"],
} as const;
export type EppgbmColumn = keyof typeof EPPGBM_COLUMNS;

/**
 * Columns e-PPGBM fills itself (its own z-scores and statuses, counters, programme flags) and the extra
 * columns of the Operasi Timbang file. They are kept as the file gives them (text), never recomputed in
 * place: Tumbuh computes its own results beside them and the reconciliation report compares the two.
 */
export const EPPGBM_SOURCE_COLUMNS = {
  no: ["no"],
  totalPengukuran: ["totalpengukuran"],
  usiaSaatUkur: ["usiasaatukur", "usia", "umur"],
  bbu: ["bbu"],
  zsBbu: ["zsbbu"],
  tbu: ["tbu", "pbu"],
  zsTbu: ["zstbu", "zspbu"],
  bbtb: ["bbtb", "bbpb"],
  zsBbtb: ["zsbbtb", "zsbbpb"],
  naikBeratBadan: ["naikberatbadan"],
  jmlVitA: ["jmlvita", "jumlahvita"],
  kpsp: ["kpsp"],
  kia: ["kia"],
  kelasIbuBalita: ["kelasibubalita"],
  mbg: ["mbg"],
  detail: ["detail"],
  nomorKk: ["nomorkk", "nokk"],
  nikOrangTua: ["nikorangtua", "nikortu"],
  anakKe: ["anakke"],
  lingkarKepalaLahir: ["lingkarkepalalahir"],
  imd: ["imd"],
} as const;
export type EppgbmSourceColumn = keyof typeof EPPGBM_SOURCE_COLUMNS;

const REQUIRED: EppgbmColumn[] = ["nama", "jk", "tglLahir", "desaKel", "kec", "tanggalPengukuran"];

/**
 * A header compared without case, spaces, punctuation or its unit: "Berat (kg)", "BERAT" and "berat" are
 * the same column, and "BB/U" becomes "bbu".
 */
export function normHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]/g, "");
}

export interface HeaderMap {
  index: Partial<Record<EppgbmColumn, number>>;
  source: Partial<Record<EppgbmSourceColumn, number>>;
  missing: EppgbmColumn[];
  /** How many cells the header row has (the width a data row should have). */
  width: number;
}

function indexOf<K extends string>(
  aliasesOf: Record<K, readonly string[]>,
  normalized: readonly string[],
): Partial<Record<K, number>> {
  const index: Partial<Record<K, number>> = {};
  for (const [col, aliases] of Object.entries(aliasesOf) as [K, readonly string[]][]) {
    const i = normalized.findIndex((h) => aliases.includes(h));
    if (i >= 0) index[col] = i;
  }
  return index;
}

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const normalized = headers.map(normHeader);
  const index = indexOf(EPPGBM_COLUMNS, normalized);
  return {
    index,
    source: indexOf(EPPGBM_SOURCE_COLUMNS, normalized),
    missing: REQUIRED.filter((c) => index[c] === undefined),
    width: headers.length,
  };
}

/** How many known columns (ours and e-PPGBM's own) a row names: the header row names the most. */
export function headerScore(cells: readonly Cell[]): number {
  const m = mapHeaders(cells.map((c) => (typeof c === "string" ? c : "")));
  return Object.keys(m.index).length + Object.keys(m.source).length;
}

/**
 * The header row among the first `scan` rows: the one naming the most known columns (at least four, so a
 * title row such as "DAFTAR ANAK BERDASARKAN STATUS GIZI" never wins). SIGIZI exports put a title and the
 * period above the header, which starts with "No".
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], scan = 20): number | null {
  let best: number | null = null;
  let bestScore = 3;
  for (let i = 0; i < Math.min(scan, rows.length); i++) {
    const score = headerScore(rows[i] ?? []);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** A cell as the file gives it: text from CSV, and from XLSX also numbers and dates. */
export type Cell = string | number | Date | null | undefined;

export interface EppgbmRow {
  line: number;
  nik: string | null;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  birthWeightKg: number | null;
  birthLengthCm: number | null;
  parentName: string | null;
  kabKota: string | null;
  kec: string;
  desa: string;
  posyandu: string | null;
  rt: string | null;
  rw: string | null;
  address: string | null;
  measuredOn: string;
  weightKg: number | null;
  lenheiCm: number | null;
  measure: "l" | "h" | null;
  muacCm: number | null;
  /** e-PPGBM's own values (z-scores, statuses, N/T, counters) as the file gives them, non-empty only. */
  source: Partial<Record<EppgbmSourceColumn, string>>;
}

export interface CellError {
  line: number;
  column: string;
  code: ImportReason;
  params: ReasonParams;
}

export const cellText = (c: Cell): string =>
  (c === null || c === undefined ? "" : c instanceof Date ? c.toISOString() : String(c)).trim();

/** Whether `t` holds `n` ASCII digits from `at` (what \d matches). */
function digitsAt(t: string, at: number, n: number): boolean {
  for (let i = at; i < at + n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const isDateSeparator = (ch: string | undefined) => ch === "/" || ch === "." || ch === "-";

/** Dates: dd/mm/yyyy, dd-mm-yyyy, d/m/yyyy, yyyy-mm-dd, a spreadsheet date, or a spreadsheet serial number. */
export function readDate(c: Cell): string | null | "invalid" {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "invalid" : c.toISOString().slice(0, 10);
  if (typeof c === "number") {
    // Excel serial day numbers count from 1899-12-30.
    if (!Number.isInteger(c) || c < 1 || c > 80_000) return "invalid";
    return new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10);
  }
  const t = cellText(c);
  if (t === "") return null;
  // A file names a few thousand days on tens of thousands of rows: each text is read once, and every row
  // naming that day gets the same string (its hash made once for the maps it is looked up in; issue 16).
  let day = DAYS.get(t);
  if (day === undefined) {
    if (DAYS.size >= DAYS_MAX) DAYS.clear();
    day = readDateText(t);
    DAYS.set(t, day);
  }
  return day;
}

/** Date texts already read (readDate), and how many are kept at most. */
const DAYS = new Map<string, string | "invalid">();
const DAYS_MAX = 20_000;

function readDateText(t: string): string | "invalid" {
  // The two forms exports write, already padded, are told by their characters (two patterns per date were
  // a tenth of reading a 30k-row file; issue 16); the patterns below decide everything else the same way.
  if (
    t.length === 10 &&
    digitsAt(t, 0, 4) &&
    t[4] === "-" &&
    digitsAt(t, 5, 2) &&
    t[7] === "-" &&
    digitsAt(t, 8, 2)
  ) {
    return isPlausibleDate(t) ? t : "invalid";
  }
  if (
    t.length === 10 &&
    digitsAt(t, 0, 2) &&
    isDateSeparator(t[2]) &&
    digitsAt(t, 3, 2) &&
    isDateSeparator(t[5]) &&
    digitsAt(t, 6, 4)
  ) {
    const iso = `${t.slice(6, 10)}-${t.slice(3, 5)}-${t.slice(0, 2)}`;
    return isPlausibleDate(iso) ? iso : "invalid";
  }
  // Both patterns start with a digit: a label ("Gizi Baik", which alignRow tries as a date) needs neither.
  if (!digitsAt(t, 0, 1)) return "invalid";
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) iso = `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
  return iso !== null && isPlausibleDate(iso) ? iso : "invalid";
}

/** Numbers with a decimal comma or point (parseDecimal); thousands separators are refused (ambiguous). */
export function readNumber(c: Cell): number | null | "invalid" {
  if (typeof c === "number") return Number.isFinite(c) ? c : "invalid";
  const t = cellText(c);
  if (t === "-") return null;
  const n = parseDecimal(t, { signed: true });
  return Number.isNaN(n) ? "invalid" : n;
}

// The words are made once, not as a new list for every cell (issue 16).
const MALE = new Set(["l", "laki-laki", "laki laki", "lakilaki", "1", "m", "male"]);
const FEMALE = new Set(["p", "perempuan", "2", "f", "female"]);
const LYING = new Set(["l", "telentang", "terlentang", "berbaring", "tidur", "length", "pb"]);
const STANDING = new Set(["h", "berdiri", "height", "tb"]);

export function readSex(c: Cell): 1 | 2 | null {
  const t = cellText(c).toLowerCase();
  if (MALE.has(t)) return 1;
  if (FEMALE.has(t)) return 2;
  return null;
}

export function readMeasure(c: Cell): "l" | "h" | null | "invalid" {
  const t = cellText(c).toLowerCase();
  if (t === "") return null;
  if (LYING.has(t)) return "l";
  if (STANDING.has(t)) return "h";
  return "invalid";
}

/** A row being read: its cells, the column map and the errors found so far. */
interface RowRead {
  line: number;
  cells: readonly Cell[];
  map: HeaderMap;
  today: string;
  errors: CellError[];
}

// The helpers of readEppgbmRow live at module level, not as closures made for each row: a 30k-row file made
// 150k of them, each named by the TypeScript runner (issue 16).
function cellOf(r: RowRead, col: EppgbmColumn): Cell {
  const i = r.map.index[col];
  return i === undefined ? null : r.cells[i];
}

function fail(r: RowRead, column: string, code: ImportReason, params: ReasonParams = {}): void {
  r.errors.push({ line: r.line, column, code, params });
}

function numberIn(r: RowRead, col: EppgbmColumn, label: string): number | null {
  const c = cellOf(r, col);
  if (isPlaceholder(c)) {
    fail(r, label, "placeholder", { value: cellText(c) });
    return null;
  }
  const v = readNumber(c);
  if (v === "invalid") {
    fail(r, label, "not_number", { value: cellText(c) });
    return null;
  }
  return v;
}

function dateIn(r: RowRead, col: EppgbmColumn, label: string, required: boolean): string | null {
  const c = cellOf(r, col);
  const v = readDate(c);
  if (v === "invalid") fail(r, label, "not_date", { value: cellText(c) });
  else if (v === null && required) fail(r, label, "empty");
  else if (v !== null && v > r.today)
    fail(r, label, "future_date", { value: v.split("-").reverse().join("/") });
  return v === "invalid" ? null : v;
}

const optionalText = (r: RowRead, col: EppgbmColumn) => cellText(cellOf(r, col)) || null;

/**
 * One data row → a typed row, or the errors found in it (all of them, each with its column).
 * `today` bounds dates: nothing measured or born in the future.
 */
export function readEppgbmRow(
  line: number,
  cells: readonly Cell[],
  map: HeaderMap,
  today: string,
): { row: EppgbmRow; errors: [] } | { row: null; errors: CellError[] } {
  const r: RowRead = { line, cells, map, today, errors: [] };
  const errors = r.errors;

  const name = cellText(cellOf(r, "nama"));
  if (name === "") fail(r, "Nama", "empty");
  const sex = readSex(cellOf(r, "jk"));
  if (sex === null) fail(r, "JK", "not_sex", { value: cellText(cellOf(r, "jk")) });
  const birthDate = dateIn(r, "tglLahir", "Tgl Lahir", true);
  const measuredOn = dateIn(r, "tanggalPengukuran", "Tanggal Pengukuran", true);
  if (birthDate && measuredOn && measuredOn < birthDate) fail(r, "Tanggal Pengukuran", "before_birth");
  const nikCell = cellOf(r, "nik");
  // Spreadsheets keep 15 significant digits: a 16-digit NIK typed as a number comes back with its last
  // digit as 0 (Excel and LibreOffice alike). Storing it could tie the child to someone else's NIK.
  if (typeof nikCell === "number" && nikCell >= 1e15 && nikCell % 10 === 0) {
    fail(r, "NIK", "nik_as_number", { value: String(nikCell) });
  }
  const nikText = cellText(nikCell);
  // A leading apostrophe is how a spreadsheet keeps digits as text; a NIK of zeros is no NIK.
  const rawNik = nikText.charCodeAt(0) === 39 ? nikText.slice(1) : nikText;
  const nik = onlyZeros(rawNik) ? null : rawNik;
  const weightKg = numberIn(r, "berat", "Berat");
  if (weightKg !== null && weightKg <= 0)
    fail(r, "Berat", "not_weight", { value: cellText(cellOf(r, "berat")) });
  const lenheiCm = numberIn(r, "tinggi", "Tinggi");
  if (lenheiCm !== null && lenheiCm <= 0) {
    fail(r, "Tinggi", "not_length", { value: cellText(cellOf(r, "tinggi")) });
  }
  const muacCm = numberIn(r, "lila", "LiLA");
  if (muacCm !== null && muacCm <= 0) fail(r, "LiLA", "not_muac", { value: cellText(cellOf(r, "lila")) });
  const birthWeightKg = numberIn(r, "bbLahir", "BB Lahir");
  const birthLengthCm = numberIn(r, "tbLahir", "TB Lahir");
  const measure = readMeasure(cellOf(r, "caraUkur"));
  if (measure === "invalid") {
    fail(r, "Cara Ukur", "not_measure_method", { value: cellText(cellOf(r, "caraUkur")) });
  }
  if (
    weightKg === null &&
    lenheiCm === null &&
    muacCm === null &&
    !errors.some((e) => e.column === "Berat" || e.column === "Tinggi")
  ) {
    fail(r, "Berat", "no_measurement");
  }
  const kec = cellText(cellOf(r, "kec"));
  const desa = cellText(cellOf(r, "desaKel"));
  if (kec === "") fail(r, "Kec", "empty");
  if (desa === "") fail(r, "Desa/Kel", "empty");
  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      line,
      nik,
      name,
      sex: sex as 1 | 2,
      birthDate: birthDate as string,
      birthWeightKg,
      birthLengthCm,
      parentName: optionalText(r, "namaOrtu"),
      kabKota: optionalText(r, "kabKota"),
      kec,
      desa,
      posyandu: optionalText(r, "posyandu"),
      rt: optionalText(r, "rt"),
      rw: optionalText(r, "rw"),
      address: optionalText(r, "alamat"),
      measuredOn: measuredOn as string,
      weightKg,
      lenheiCm,
      measure: measure === "invalid" ? null : measure,
      muacCm,
      source: sourceValues(cells, map),
    },
    errors: [],
  };
}

/**
 * e-PPGBM writes 999.99 (and the like) where it could not compute a value; such a cell is never a
 * measurement and never a z-score.
 */
export function isPlaceholder(c: Cell): boolean {
  if (typeof c === "number") return Math.abs(c) >= 999 && /^9+(\.9+)?$/.test(String(Math.abs(c)));
  const t = cellText(c);
  // Only text starting "-" or "9" can be one: most cells are told without the pattern (issue 16).
  const first = t.charCodeAt(0);
  return (first === 45 || first === 57) && /^-?9{3,}([.,]9+)?$/.test(t);
}

/** Empty, or nothing but zeros (what /^0*$/ matches). */
function onlyZeros(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) !== 48) return false;
  return true;
}

function sourceValues(cells: readonly Cell[], map: HeaderMap): EppgbmRow["source"] {
  const out: EppgbmRow["source"] = {};
  // for…in, not Object.entries: no list of pairs made for every row (issue 16).
  for (const col in map.source) {
    const i = map.source[col as EppgbmSourceColumn] as number;
    const c = cells[i];
    // A number keeps the digits the file shows (a BIFF/XLSX number cell), text its exact characters.
    const v = typeof c === "number" ? String(c) : cellText(c);
    if (v !== "") out[col as EppgbmSourceColumn] = v;
  }
  return out;
}

/** Place names compared without case, spaces, punctuation or a leading "Desa"/"Kelurahan"/"Kecamatan"/"Kabupaten". */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(desa|kelurahan|kel\.|kecamatan|kec\.|kabupaten|kab\.|kota|posyandu)\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}
