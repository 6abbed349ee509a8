import { isPlausibleDate } from "./dates";
import { parseDecimal } from "./format/decimal";

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
  bbLahir: ["bblahir", "beratlahir", "beratbadanlahir"],
  tbLahir: ["tblahir", "pblahir", "panjanglahir", "panjangbadanlahir"],
  namaOrtu: ["namaortu", "namaorangtua", "namaibu", "namaibukandung"],
  prov: ["prov", "provinsi"],
  kabKota: ["kabkota", "kabupatenkota", "kabupaten", "kota"],
  kec: ["kec", "kecamatan"],
  puskesmas: ["puskesmas", "pkm"],
  desaKel: ["desakel", "desakelurahan", "desa", "kelurahan"],
  posyandu: ["posyandu"],
  rt: ["rt"],
  rw: ["rw"],
  alamat: ["alamat"],
  usiaSaatUkur: ["usiasaatukur", "usia", "umur"],
  tanggalPengukuran: ["tanggalpengukuran", "tglpengukuran", "tglukur", "tanggalukur", "tanggalpenimbangan"],
  berat: ["berat", "bb", "beratbadan", "beratkg"],
  tinggi: ["tinggi", "tb", "pb", "tinggibadan", "panjangbadan", "tinggicm"],
  caraUkur: ["caraukur", "carapengukuran"],
  lila: ["lila", "lingkarlenganatas"],
} as const;
export type EppgbmColumn = keyof typeof EPPGBM_COLUMNS;

const REQUIRED: EppgbmColumn[] = ["nama", "jk", "tglLahir", "desaKel", "kec", "tanggalPengukuran"];

function normHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export interface HeaderMap {
  index: Partial<Record<EppgbmColumn, number>>;
  missing: EppgbmColumn[];
}

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const normalized = headers.map(normHeader);
  const index: Partial<Record<EppgbmColumn, number>> = {};
  for (const [col, aliases] of Object.entries(EPPGBM_COLUMNS) as [EppgbmColumn, readonly string[]][]) {
    const i = normalized.findIndex((h) => aliases.includes(h));
    if (i >= 0) index[col] = i;
  }
  return { index, missing: REQUIRED.filter((c) => index[c] === undefined) };
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
}

export interface CellError {
  line: number;
  column: string;
  reason: string;
}

const text = (c: Cell): string =>
  (c === null || c === undefined ? "" : c instanceof Date ? c.toISOString() : String(c)).trim();

/** Dates: dd/mm/yyyy, dd-mm-yyyy, d/m/yyyy, yyyy-mm-dd, a spreadsheet date, or a spreadsheet serial number. */
export function readDate(c: Cell): string | null | "invalid" {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "invalid" : c.toISOString().slice(0, 10);
  if (typeof c === "number") {
    // Excel serial day numbers count from 1899-12-30.
    if (!Number.isInteger(c) || c < 1 || c > 80_000) return "invalid";
    return new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10);
  }
  const t = text(c);
  if (t === "") return null;
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
  const t = text(c);
  if (t === "-") return null;
  const n = parseDecimal(t, { signed: true });
  return Number.isNaN(n) ? "invalid" : n;
}

export function readSex(c: Cell): 1 | 2 | null {
  const t = text(c).toLowerCase();
  if (["l", "laki-laki", "laki laki", "lakilaki", "1", "m", "male"].includes(t)) return 1;
  if (["p", "perempuan", "2", "f", "female"].includes(t)) return 2;
  return null;
}

export function readMeasure(c: Cell): "l" | "h" | null | "invalid" {
  const t = text(c).toLowerCase();
  if (t === "") return null;
  if (["l", "telentang", "terlentang", "berbaring", "tidur", "length", "pb"].includes(t)) return "l";
  if (["h", "berdiri", "height", "tb"].includes(t)) return "h";
  return "invalid";
}

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
  const errors: CellError[] = [];
  const cell = (col: EppgbmColumn): Cell => {
    const i = map.index[col];
    return i === undefined ? null : cells[i];
  };
  const fail = (column: string, reason: string) => errors.push({ line, column, reason });
  const num = (col: EppgbmColumn, label: string): number | null => {
    const v = readNumber(cell(col));
    if (v === "invalid") {
      fail(label, `"${text(cell(col))}" is not a number`);
      return null;
    }
    return v;
  };
  const date = (col: EppgbmColumn, label: string, required: boolean): string | null => {
    const v = readDate(cell(col));
    if (v === "invalid") fail(label, `"${text(cell(col))}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
    else if (v === null && required) fail(label, "is empty");
    else if (v !== null && v > today) fail(label, `${v} is in the future`);
    return v === "invalid" ? null : v;
  };

  const name = text(cell("nama"));
  if (name === "") fail("Nama", "is empty");
  const sex = readSex(cell("jk"));
  if (sex === null) fail("JK", `"${text(cell("jk"))}" is not L/P`);
  const birthDate = date("tglLahir", "Tgl Lahir", true);
  const measuredOn = date("tanggalPengukuran", "Tanggal Pengukuran", true);
  if (birthDate && measuredOn && measuredOn < birthDate)
    fail("Tanggal Pengukuran", "is before the birth date");
  const rawNik = text(cell("nik")).replace(/^'/, "");
  const nik = rawNik === "" || /^0+$/.test(rawNik) ? null : rawNik;
  const weightKg = num("berat", "Berat");
  if (weightKg !== null && weightKg <= 0) fail("Berat", `${weightKg} kg is not a weight`);
  const lenheiCm = num("tinggi", "Tinggi");
  if (lenheiCm !== null && lenheiCm <= 0) fail("Tinggi", `${lenheiCm} cm is not a length`);
  const muacCm = num("lila", "LiLA");
  if (muacCm !== null && muacCm <= 0) fail("LiLA", `${muacCm} cm is not a MUAC`);
  const birthWeightKg = num("bbLahir", "BB Lahir");
  const birthLengthCm = num("tbLahir", "TB Lahir");
  const measure = readMeasure(cell("caraUkur"));
  if (measure === "invalid") fail("Cara Ukur", `"${text(cell("caraUkur"))}" is not Berdiri/Telentang`);
  if (
    weightKg === null &&
    lenheiCm === null &&
    muacCm === null &&
    !errors.some((e) => ["Berat", "Tinggi"].includes(e.column))
  ) {
    fail("Berat", "no weight, length/height or MUAC in this row");
  }
  const kec = text(cell("kec"));
  const desa = text(cell("desaKel"));
  if (kec === "") fail("Kec", "is empty");
  if (desa === "") fail("Desa/Kel", "is empty");
  if (errors.length > 0) return { row: null, errors };
  const opt = (col: EppgbmColumn) => text(cell(col)) || null;
  return {
    row: {
      line,
      nik,
      name,
      sex: sex as 1 | 2,
      birthDate: birthDate as string,
      birthWeightKg,
      birthLengthCm,
      parentName: opt("namaOrtu"),
      kabKota: opt("kabKota"),
      kec,
      desa,
      posyandu: opt("posyandu"),
      rt: opt("rt"),
      rw: opt("rw"),
      address: opt("alamat"),
      measuredOn: measuredOn as string,
      weightKg,
      lenheiCm,
      measure: measure === "invalid" ? null : measure,
      muacCm,
    },
    errors: [],
  };
}

/** Place names compared without case, spaces, punctuation or a leading "Desa"/"Kelurahan"/"Kecamatan"/"Kabupaten". */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(desa|kelurahan|kel\.|kecamatan|kec\.|kabupaten|kab\.|kota|posyandu)\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}
