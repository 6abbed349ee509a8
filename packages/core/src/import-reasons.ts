/**
 * Why an e-PPGBM import refused a row, or warns about one: a stable code with its values, never a
 * sentence. The web says it in the user's language (its registry dictionaries take these texts as
 * `import.reason.<code>`), the list of rejected rows downloaded from the server and the CLI in Indonesian.
 * An API client gets the code and the values and may say it as it likes. Placeholders are `{name}`.
 */
export const IMPORT_REASON_TEXT = {
  id: {
    missing_columns: "Kolom wajib tidak ada: {columns}.",
    row_too_short:
      "Baris ini berisi {cells} sel, padahal judul kolom ada {header}; kolomnya tidak bisa dicocokkan, jadi tidak ada nilai yang dibaca.",
    row_misaligned:
      'Baris ini berisi {cells} sel, padahal judul kolom ada {header} (sel "Total Pengukuran" tidak ada?), dan nilainya tidak cocok dengan kolomnya; tidak ada nilai yang dibaca.',
    row_realigned:
      'Baris ini tidak punya sel "Total Pengukuran"; sel sesudahnya digeser satu kolom ke kanan agar sesuai judul kolom.',
    empty: "Kosong.",
    placeholder: '"{value}" adalah nilai pengganti dari e-PPGBM, bukan hasil pengukuran.',
    not_number: '"{value}" bukan angka.',
    not_date: '"{value}" bukan tanggal (hh/bb/tttt atau tttt-bb-hh).',
    future_date: "Tanggal {value} belum lewat.",
    before_birth: "Tanggal pengukuran sebelum tanggal lahir.",
    not_sex: '"{value}" bukan L/P.',
    not_measure_method: '"{value}" bukan Berdiri/Telentang.',
    not_weight: "{value} kg bukan berat badan.",
    not_length: "{value} cm bukan panjang/tinggi badan.",
    not_muac: "{value} cm bukan LiLA.",
    no_measurement: "Tidak ada berat, panjang/tinggi, atau LiLA pada baris ini.",
    nik_as_number:
      "NIK {value} tersimpan sebagai angka, dan lembar kerja hanya menyimpan 15 digit: digit terakhirnya bisa hilang. Jadikan kolom NIK teks lalu ekspor ulang.",
    nik_digits: "NIK harus tepat 16 digit.",
    nik_kecamatan: "Digit 1–6 NIK ({digits}) bukan kode kecamatan.",
    nik_birth_digits: "Digit 7–12 NIK bukan tanggal lahir (HHBBTT, tanggal + 40 untuk perempuan).",
    nik_serial: "Nomor urut NIK (digit 13–16) tidak boleh 0000.",
    nik_says_female: "Menurut NIK perempuan, tetapi jenis kelamin yang diisi laki-laki.",
    nik_says_male: "Menurut NIK laki-laki, tetapi jenis kelamin yang diisi perempuan.",
    nik_birth_mismatch:
      "Tanggal lahir menurut NIK ({nik}) berbeda dengan tanggal lahir yang diisi ({entered}).",
    nik_outside_area: "NIK ini milik orang yang terdaftar di luar wilayah Anda.",
    duplicate_row: "Sama dengan baris {line} (anak yang sama, hari yang sama).",
    unknown_kabupaten: 'Kabupaten/kota "{name}" tidak dikenal (atau di luar wilayah Anda).',
    unknown_kecamatan: 'Kecamatan "{name}" tidak dikenal (atau di luar wilayah Anda).',
    ambiguous_kecamatan: 'Ada lebih dari satu kecamatan bernama "{name}".',
    unknown_desa: 'Desa/kelurahan "{name}" tidak ada di Kecamatan {kecamatan}.',
    desa_outside_area: "Desa {name} di luar wilayah Anda.",
    unknown_posyandu: 'Posyandu "{name}" tidak terdaftar di Desa {desa}; anak dicatat di tingkat desa.',
    no_measure_method:
      "Cara ukur kosong: z-score memakai panjang/tinggi apa adanya, tanpa koreksi 0,7 cm berbaring/berdiri.",
  },
  en: {
    missing_columns: "Required columns are missing: {columns}.",
    row_too_short:
      "This row has {cells} cells where the header has {header}; its columns cannot be lined up, so no value is read from it.",
    row_misaligned:
      'This row has {cells} cells where the header has {header} (no "Total Pengukuran" cell?), and its values do not line up with the columns either way; no value is read from it.',
    row_realigned:
      'This row has no "Total Pengukuran" cell; its later cells were moved one column right to line up.',
    empty: "Empty.",
    placeholder: '"{value}" is an e-PPGBM placeholder, not a measured value.',
    not_number: '"{value}" is not a number.',
    not_date: '"{value}" is not a date (dd/mm/yyyy or yyyy-mm-dd).',
    future_date: "{value} is in the future.",
    before_birth: "The measurement date is before the birth date.",
    not_sex: '"{value}" is not L/P.',
    not_measure_method: '"{value}" is not Berdiri/Telentang.',
    not_weight: "{value} kg is not a weight.",
    not_length: "{value} cm is not a length/height.",
    not_muac: "{value} cm is not a MUAC.",
    no_measurement: "No weight, length/height or MUAC in this row.",
    nik_as_number:
      "NIK {value} is stored as a number, and spreadsheets keep only 15 digits: its last digit may be lost. Format the NIK column as text and export again.",
    nik_digits: "A NIK must be exactly 16 digits.",
    nik_kecamatan: "NIK digits 1–6 ({digits}) are not a kecamatan code.",
    nik_birth_digits: "NIK digits 7–12 are not a birth date (DDMMYY, day + 40 for women).",
    nik_serial: "The NIK serial number (digits 13–16) cannot be 0000.",
    nik_says_female: "The NIK says female but the sex entered is male.",
    nik_says_male: "The NIK says male but the sex entered is female.",
    nik_birth_mismatch: "The birth date in the NIK ({nik}) differs from the birth date entered ({entered}).",
    nik_outside_area: "This NIK belongs to a person registered outside your area.",
    duplicate_row: "Same as line {line} (same child, same day).",
    unknown_kabupaten: 'Unknown kabupaten/kota "{name}" (or outside your area).',
    unknown_kecamatan: 'Unknown kecamatan "{name}" (or outside your area).',
    ambiguous_kecamatan: 'More than one kecamatan is named "{name}".',
    unknown_desa: 'No desa/kelurahan "{name}" in Kecamatan {kecamatan}.',
    desa_outside_area: "Desa {name} is outside your area.",
    unknown_posyandu:
      'Posyandu "{name}" is not registered in Desa {desa}; the child is registered at the desa.',
    no_measure_method:
      "No measuring position: z-scores use the length/height as given, without the 0.7 cm lying/standing adjustment.",
  },
} as const satisfies Record<"id" | "en", Record<string, string>>;

export type ImportReason = keyof (typeof IMPORT_REASON_TEXT)["id"];
export const IMPORT_REASONS = Object.keys(IMPORT_REASON_TEXT.id) as [ImportReason, ...ImportReason[]];

/** The values a reason's text names (a cell as written, a line number, a place name). */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** A reason with its values, as an import reports it. */
export interface ReasonOf {
  code: ImportReason;
  params: ReasonParams;
}

// The English texts must name exactly the Indonesian keys: a reason added in one language only fails here.
const _sameKeys: Record<ImportReason, string> = IMPORT_REASON_TEXT.en;
void _sameKeys;

/** A reason in Indonesian or English, its `{name}` placeholders filled (an unknown one left as written). */
export function importReasonText(reason: ReasonOf, locale: "id" | "en" = "id"): string {
  return IMPORT_REASON_TEXT[locale][reason.code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(reason.params, name) ? String(reason.params[name]) : whole,
  );
}
