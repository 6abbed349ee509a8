import { sourceLabel } from "../indicators/catalog-load";
import type { Computation } from "../indicators/catalog-schema";
import type { IndicatorFigure } from "../indicators/views";
import { parsePeriod } from "../period";

/**
 * The indicators Tumbuh publishes to Satu Data: the four figures of the dashboard's child panel, the only
 * ones whose numerator and denominator are counted per region down to the desa and are also published on
 * the public page with the same suppression. Definitions follow the Standar Antropometri Anak (Permenkes
 * 2/2020, Pasal 3 and Lampiran: TB/U, BB/TB, BB/U < −2 SD) and the posyandu D/S coverage.
 */
export interface SatuDataDataset {
  /** File name part and the `dataset` query value. */
  slug: string;
  computation: Extract<
    Computation,
    "stunting_prevalence" | "wasting_prevalence" | "underweight_prevalence" | "measurement_coverage"
  >;
  name: string;
  concept: string;
  definition: string;
  interpretation: string;
  formula: string;
  numerator: string;
  denominator: string;
}

const LATEST =
  "menurut pengukuran terakhir setiap balita dalam periode; nilai yang ditandai tidak masuk akal oleh WHO tidak dihitung";

export const SATU_DATA_DATASETS: readonly SatuDataDataset[] = [
  {
    slug: "prevalensi-stunting",
    computation: "stunting_prevalence",
    name: "Prevalensi Stunting Balita",
    concept: "Stunting (balita pendek dan sangat pendek)",
    definition:
      "Persentase balita umur 0–59 bulan yang panjang/tinggi badan menurut umurnya (PB/U atau TB/U) kurang dari −2 SD median Standar Antropometri Anak (Permenkes 2/2020)",
    interpretation:
      "Makin rendah makin baik; dibandingkan dengan target prevalensi Perbup Paser 47/2024 Pasal 6",
    formula: `(balita dengan TB/U < −2 SD ÷ balita diukur TB/U) × 100, ${LATEST}`,
    numerator: "Balita dengan TB/U (PB/U) < −2 SD",
    denominator: "Balita yang diukur panjang/tinggi badannya",
  },
  {
    slug: "prevalensi-wasting",
    computation: "wasting_prevalence",
    name: "Prevalensi Wasting Balita",
    concept: "Wasting (gizi kurang dan gizi buruk)",
    definition:
      "Persentase balita umur 0–59 bulan yang berat badan menurut panjang/tinggi badannya (BB/PB atau BB/TB) kurang dari −2 SD median Standar Antropometri Anak (Permenkes 2/2020)",
    interpretation: "Makin rendah makin baik",
    formula: `(balita dengan BB/TB < −2 SD ÷ balita diukur BB/TB) × 100, ${LATEST}`,
    numerator: "Balita dengan BB/TB (BB/PB) < −2 SD",
    denominator: "Balita yang diukur berat dan panjang/tinggi badannya",
  },
  {
    slug: "prevalensi-underweight",
    computation: "underweight_prevalence",
    name: "Prevalensi Underweight Balita",
    concept: "Underweight (berat badan kurang dan sangat kurang)",
    definition:
      "Persentase balita umur 0–59 bulan yang berat badan menurut umurnya (BB/U) kurang dari −2 SD median Standar Antropometri Anak (Permenkes 2/2020)",
    interpretation: "Makin rendah makin baik",
    formula: `(balita dengan BB/U < −2 SD ÷ balita ditimbang) × 100, ${LATEST}`,
    numerator: "Balita dengan BB/U < −2 SD",
    denominator: "Balita yang ditimbang",
  },
  {
    slug: "cakupan-penimbangan",
    computation: "measurement_coverage",
    name: "Cakupan Penimbangan Balita (D/S)",
    concept: "Partisipasi masyarakat di posyandu (D/S)",
    definition:
      "Persentase balita umur 0–59 bulan yang terdaftar dan ditimbang/diukur sedikitnya sekali dalam periode",
    interpretation: "Makin tinggi makin baik; target Perbup Paser 47/2024 Pasal 7 huruf f",
    formula: "(balita ditimbang dalam periode ÷ balita terdaftar) × 100",
    numerator: "Balita ditimbang (D)",
    denominator: "Balita terdaftar (S)",
  },
];

export function satuDataDataset(slug: string): SatuDataDataset | undefined {
  return SATU_DATA_DATASETS.find((d) => d.slug === slug);
}

const FREQUENCY = { month: "Bulanan", quarter: "Triwulanan", semester: "Semesteran", year: "Tahunan" };

/**
 * The metadata sidecar of a dataset in the shape of the Metadata Statistik Indikator (MS-Ind) of
 * Peraturan BPS Nomor 5 Tahun 2020 tentang Petunjuk Teknis Metadata Statistik. Field list as a regency's
 * Satu Data portal shows MS-Ind (data.penajamkab.go.id/metadata/indikator: Nama Indikator, Konsep,
 * Definisi, Metode/Rumus Penghitungan, Ukuran, Satuan, Klasifikasi Penyajian, Apakah Indikator Komposit,
 * Indikator Pembangun, Nama Indikator Pembangun, Publikasi Ketersediaan, Level Estimasi, Apakah Dapat
 * Diakses Umum) and the Semarang "Pedoman Pembuatan Metadata Statistik" (2022, bab MS-Ind), which adds
 * Interpretasi and Variabel Pembangun. `rujukan_katalog`, `produsen_data` and `frekuensi` are Tumbuh's
 * additions from the indicator catalog, for the Walidata filling in the portal's form.
 */
export function msIndMetadata(
  dataset: SatuDataDataset,
  /** The catalog's indicators of the period's year as the dashboard lists them, and the regulation. */
  catalog: { regulation: string; indicators: readonly IndicatorFigure[] },
  info: { period: string; regionName: string; levels: readonly string[]; producedAt: string },
) {
  const defs = catalog.indicators.filter((d) => d.computation === dataset.computation);
  const kind = parsePeriod(info.period)?.kind ?? "year";
  return {
    standar: "Metadata Statistik Indikator (MS-Ind), Peraturan BPS Nomor 5 Tahun 2020",
    nama_indikator: dataset.name,
    konsep: dataset.concept,
    definisi: dataset.definition,
    interpretasi: dataset.interpretation,
    metode_rumus_penghitungan: dataset.formula,
    ukuran: "Persentase",
    satuan: "Persen",
    klasifikasi_penyajian: ["Wilayah administrasi (Kemendagri): kabupaten, kecamatan, desa/kelurahan"],
    apakah_indikator_komposit: "Tidak",
    indikator_pembangun: [],
    variabel_pembangun: [
      { nama: dataset.numerator, peran: "pembilang" },
      { nama: dataset.denominator, peran: "penyebut" },
    ],
    publikasi_ketersediaan: `Tumbuh — sistem informasi percepatan penurunan stunting ${info.regionName}`,
    level_estimasi: info.levels,
    apakah_dapat_diakses_umum: "Ya, jumlah kecil (1–4) disamarkan",
    frekuensi: FREQUENCY[kind],
    periode: info.period,
    produsen_data: [...new Set(defs.flatMap((d) => d.responsible))],
    rujukan_katalog: defs.map((d) => ({
      id: d.indicatorId,
      indikator: d.text,
      sumber: `${catalog.regulation} ${sourceLabel(d.source)}`,
      target: d.targetOriginal,
    })),
    dibuat: info.producedAt,
  };
}
export type MsIndMetadata = ReturnType<typeof msIndMetadata>;
