/**
 * Nutritional status categories and thresholds of
 * Peraturan Menteri Kesehatan Republik Indonesia Nomor 2 Tahun 2020 tentang
 * Standar Antropometri Anak (Permenkes No. 2 Tahun 2020), Lampiran,
 * "Kategori dan Ambang Batas Status Gizi Anak".
 *
 * The regulation states the bands on the WHO z-score ("SD"); Indonesia adopts
 * the WHO Child Growth Standards (0–60 months) and the WHO Reference 2007
 * (5–18 years). The z compared is the one rounded to 2 decimals, as WHO
 * Anthro reports it. Band wording in the regulation: "< −3 SD",
 * "−3 SD sd < −2 SD", "−2 SD sd +1 SD", "> +1 SD sd +2 SD", "> +3 SD", so
 * e.g. −2.00 is normal for TB/U and −2.01 is pendek; +1.00 is normal for
 * BB/U; +3.00 is normal for TB/U.
 *
 * Codes are stable identifiers for storage and exports; labels are for display.
 */

/** One band: `min`/`max` bound the rounded z; `null` = unbounded. */
export interface PermenkesBand {
  readonly code: string;
  readonly min: number | null;
  readonly minInclusive: boolean;
  readonly max: number | null;
  readonly maxInclusive: boolean;
  readonly labelId: string;
  readonly labelEn: string;
}

export interface PermenkesIndex {
  /** Stable id of the index, e.g. `"tbu"`. */
  readonly id: "tbu" | "bbu" | "bbtb" | "imtu" | "imtu518";
  readonly nameId: string;
  readonly nameEn: string;
  /** Ages the regulation applies the index to. */
  readonly ages: string;
  /** Bands in increasing z order; together they cover every finite z once. */
  readonly bands: readonly PermenkesBand[];
}

function band(
  code: string,
  min: number | null,
  minInclusive: boolean,
  max: number | null,
  maxInclusive: boolean,
  labelId: string,
  labelEn: string,
): PermenkesBand {
  return { code, min, minInclusive, max, maxInclusive, labelId, labelEn };
}

/** PB/U atau TB/U, anak usia 0–60 bulan. */
export const TBU: PermenkesIndex = {
  id: "tbu",
  nameId: "Panjang Badan atau Tinggi Badan menurut Umur (PB/U atau TB/U)",
  nameEn: "Length/height-for-age",
  ages: "0–60 bulan",
  bands: [
    band("tbu.sangat_pendek", null, false, -3, false, "Sangat pendek", "Severely stunted"),
    band("tbu.pendek", -3, true, -2, false, "Pendek", "Stunted"),
    band("tbu.normal", -2, true, 3, true, "Normal", "Normal"),
    band("tbu.tinggi", 3, false, null, false, "Tinggi", "Tall"),
  ],
};

/** BB/U, anak usia 0–60 bulan. */
export const BBU: PermenkesIndex = {
  id: "bbu",
  nameId: "Berat Badan menurut Umur (BB/U)",
  nameEn: "Weight-for-age",
  ages: "0–60 bulan",
  bands: [
    band("bbu.sangat_kurang", null, false, -3, false, "Berat badan sangat kurang", "Severely underweight"),
    band("bbu.kurang", -3, true, -2, false, "Berat badan kurang", "Underweight"),
    band("bbu.normal", -2, true, 1, true, "Berat badan normal", "Normal weight"),
    band("bbu.risiko_lebih", 1, false, null, false, "Risiko berat badan lebih", "Risk of overweight"),
  ],
};

const WASTING_BANDS = (prefix: string): PermenkesBand[] => [
  band(`${prefix}.gizi_buruk`, null, false, -3, false, "Gizi buruk", "Severely wasted"),
  band(`${prefix}.gizi_kurang`, -3, true, -2, false, "Gizi kurang", "Wasted"),
  band(`${prefix}.gizi_baik`, -2, true, 1, true, "Gizi baik", "Normal"),
  band(
    `${prefix}.berisiko_gizi_lebih`,
    1,
    false,
    2,
    true,
    "Berisiko gizi lebih",
    "Possible risk of overweight",
  ),
  band(`${prefix}.gizi_lebih`, 2, false, 3, true, "Gizi lebih", "Overweight"),
  band(`${prefix}.obesitas`, 3, false, null, false, "Obesitas", "Obese"),
];

/** BB/PB atau BB/TB, anak usia 0–60 bulan. */
export const BBTB: PermenkesIndex = {
  id: "bbtb",
  nameId: "Berat Badan menurut Panjang Badan atau Tinggi Badan (BB/PB atau BB/TB)",
  nameEn: "Weight-for-length/height",
  ages: "0–60 bulan",
  bands: WASTING_BANDS("bbtb"),
};

/** IMT/U, anak usia 0–60 bulan: same bands as BB/PB. */
export const IMTU: PermenkesIndex = {
  id: "imtu",
  nameId: "Indeks Massa Tubuh menurut Umur (IMT/U) anak usia 0–60 bulan",
  nameEn: "BMI-for-age, 0–60 months",
  ages: "0–60 bulan",
  bands: WASTING_BANDS("imtu"),
};

/** IMT/U, anak usia 5–18 tahun. */
export const IMTU_5_18: PermenkesIndex = {
  id: "imtu518",
  nameId: "Indeks Massa Tubuh menurut Umur (IMT/U) anak usia 5–18 tahun",
  nameEn: "BMI-for-age, 5–18 years",
  ages: "5–18 tahun",
  bands: [
    band("imtu518.gizi_buruk", null, false, -3, false, "Gizi buruk", "Severely thinness"),
    band("imtu518.gizi_kurang", -3, true, -2, false, "Gizi kurang", "Thinness"),
    band("imtu518.gizi_baik", -2, true, 1, true, "Gizi baik", "Normal"),
    band("imtu518.gizi_lebih", 1, false, 2, true, "Gizi lebih", "Overweight"),
    band("imtu518.obesitas", 2, false, null, false, "Obesitas", "Obese"),
  ],
};

export const PERMENKES_INDICES: readonly PermenkesIndex[] = [TBU, BBU, BBTB, IMTU, IMTU_5_18];

/**
 * Upper age (months, inclusive) for the 5–18-year IMT/U bands. The regulation
 * says "5–18 tahun"; we read that as up to 18 years 0 months (216 months),
 * although the WHO 2007 reference and anthroplus go to 228 months.
 */
export const IMTU_5_18_MAX_MONTHS = 216;
