/**
 * Kenaikan Berat Badan Minimal (KBM): the minimum monthly weight gain, in
 * grams, for a weighing to count as "naik" (N) on the KMS (Kartu Menuju Sehat).
 *
 * Source: Peraturan Menteri Kesehatan Nomor 155/Menkes/Per/I/2010 tentang
 * Penggunaan Kartu Menuju Sehat (KMS) bagi Balita, Lampiran (table "Kenaikan
 * Berat Badan Minimal"). The same values are printed under the KMS in the
 * Buku KIA (Kesehatan Ibu dan Anak) editions after Permenkes 2/2020 and in the
 * Petunjuk Teknis Penggunaan KMS Balita (Kemenkes, Direktorat Gizi Masyarakat,
 * 2021), where "Kenaikan BB kurang dari KBM" defines T and "sama dengan KBM
 * atau lebih" defines N.
 *
 *   age (months)   1    2    3    4    5    6    7    8    9   10   11  12–60
 *   KBM (g)      800  900  800  600  500  400  300  300  300  300  200   200
 *
 * Uncertainty: the Permenkes 155/2010 annex could not be re-read here; the
 * values are the widely reproduced ones (the Buku KIA 2023 KMS page shows the
 * sequence 800, 900, 800, 600, 500, 400, 300, …, 200), and we rely on them. The
 * regulation indexes the table by the child's age on the KMS ("umur", the
 * month of the current weighing); which age convention that is — completed
 * months or calendar months since the birth month — is not stated in the
 * table; see `faltering.ts` for the convention used here.
 */
export const KBM_GRAMS_BY_MONTH: readonly number[] = [
  // index = age in months; index 0 (the birth month) has no KBM of its own
  // and uses the 1-month value, see `kbmGrams`.
  800, 800, 900, 800, 600, 500, 400, 300, 300, 300, 300, 200,
];

/** KBM for ages of 12 months and older (to 60 months, the end of the KMS). */
export const KBM_GRAMS_FROM_12_MONTHS = 200;

/** Minimum gain in grams at an age in whole months (≥ 0). */
export function kbmGrams(ageMonths: number): number {
  if (ageMonths < 12) return KBM_GRAMS_BY_MONTH[Math.max(0, ageMonths)] ?? KBM_GRAMS_FROM_12_MONTHS;
  return KBM_GRAMS_FROM_12_MONTHS;
}
