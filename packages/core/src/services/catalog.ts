import { z } from "zod";

/**
 * The service catalog: which service packages a regency delivers to its 1000-HPK targets and the KPM
 * scorecard indicators for each target group, as data. Every indicator names where its rule comes from.
 * The rules themselves (how an indicator is counted) live in ./rules.ts, keyed by indicator code; their
 * thresholds are here so a regency can read — and change — them in one place.
 *
 * Another regency: add a catalog (its packages, the indicator codes it uses and their package) below and
 * map its regency code in REGENCY_CATALOGS. A regency without an entry gets the national baseline (the 5
 * packages of the Kemendesa convergence guidance, which PALI Pasal 4 adopts).
 */

export const SCORE_GROUPS = ["ibu_hamil", "anak_0_23", "anak_2_6"] as const;
export type ScoreGroup = (typeof SCORE_GROUPS)[number];

export const SCORE_GROUP_LABELS: Record<ScoreGroup, { id: string; en: string }> = {
  ibu_hamil: { id: "Ibu hamil / nifas", en: "Pregnant / post-partum woman" },
  anak_0_23: { id: "Anak 0–23 bulan", en: "Child 0–23 months" },
  anak_2_6: { id: "Anak 2–6 tahun", en: "Child 2–6 years" },
};

/** Services the KPM, cadre or midwife records (the others are derived from the registry). */
export const RECORDED_SERVICES = [
  "anc", // antenatal check (one record per visit)
  "ttd", // iron tablets given this month
  "nifas", // post-partum check (one record per visit)
  "konseling_gizi", // nutrition counselling / kelas ibu hamil / counselling of the child's parents
  "kunjungan_rumah", // home visit
  "jkn", // holds JKN health insurance (state: the latest record counts)
  "imunisasi", // one antigen given (detail = antigen code)
  "akta_lahir", // holds a birth certificate (state)
  "kelas_pengasuhan", // parenting class (BKB / kelas pengasuhan) attended this month
  "paud", // attends PAUD this month
  // Referred to the puskesmas (note: why). Buku KIA 2023 p. 54: "Rujuk bila berat badan anak tidak naik (T)
  // atau di bawah garis merah"; recorded from the posyandu day's result, counted by no scorecard indicator.
  "rujukan",
] as const;
export type RecordedService = (typeof RECORDED_SERVICES)[number];

/** Services that are a state ("has JKN"), not an event: the latest record up to the month's end counts. */
export const STATE_SERVICES: readonly RecordedService[] = ["jkn", "akta_lahir"];

export const PACKAGES = {
  kia: { id: "Kesehatan ibu dan anak (KIA)", en: "Maternal and child health" },
  konseling_gizi: { id: "Konseling gizi terpadu", en: "Integrated nutrition counselling" },
  air_sanitasi: { id: "Air bersih dan sanitasi", en: "Clean water and sanitation" },
  perlindungan_sosial: { id: "Perlindungan sosial", en: "Social protection" },
  paud: { id: "Pendidikan anak usia dini (PAUD)", en: "Early-childhood education" },
  pengasuhan: { id: "Pengasuhan anak di keluarga", en: "Child care in the family" },
  pekarangan: {
    id: "Pendayagunaan lahan pekarangan dan tanah kas desa",
    en: "Home yards and village land",
  },
} as const;
export type PackageCode = keyof typeof PACKAGES;

const BUKU = "Buku Pendataan dan Pemantauan Layanan bagi Sasaran Rumah Tangga 1000 HPK (Kemendesa PDTT)";

/** Antigens of the basic immunisation (imunisasi dasar lengkap), Permenkes 12/2017 Lampiran jadwal. */
export const ANTIGENS = {
  hb0: { scheduleMonths: 0, label: "HB-0" },
  bcg: { scheduleMonths: 1, label: "BCG" },
  polio1: { scheduleMonths: 1, label: "Polio 1" },
  dpt1: { scheduleMonths: 2, label: "DPT-HB-Hib 1" },
  polio2: { scheduleMonths: 2, label: "Polio 2" },
  dpt2: { scheduleMonths: 3, label: "DPT-HB-Hib 2" },
  polio3: { scheduleMonths: 3, label: "Polio 3" },
  dpt3: { scheduleMonths: 4, label: "DPT-HB-Hib 3" },
  polio4: { scheduleMonths: 4, label: "Polio 4" },
  ipv: { scheduleMonths: 4, label: "IPV" },
  campak: { scheduleMonths: 9, label: "Campak-Rubela (MR)" },
} as const;
export type Antigen = keyof typeof ANTIGENS;
export const ANTIGEN_CODES = Object.keys(ANTIGENS) as [Antigen, ...Antigen[]];

/** The counting rules' numbers, each with its source. */
export const RULES = {
  /** Trimesters by gestational age in days from the last period: T1 < 13 weeks, T2 < 28 weeks (Permenkes 21/2021). */
  trimester2FromDay: 91,
  trimester3FromDay: 196,
  /** The third trimester's first visit is due by 36 weeks; the rest by delivery. */
  ancT3FirstDueDay: 252,
  /** The post-partum period (nifas) lasts 42 days: the woman stays a target until it ends (Permenkes 21/2021). */
  nifasDays: 42,
  /** Counselling for a pregnant woman: "konseling gizi atau kelas ibu hamil minimal 4 kali" during the pregnancy
   *  (BUKU), paced like the 4 antenatal contacts: 1 by the end of T1, 2 by the end of T2, 3 by 36 weeks, 4 by
   *  delivery (the pacing is ours: the book names only the total). */
  counsellingTotal: 4,
  /** Iron tablets: "minum 1 tablet … setiap hari minimal selama 90 hari" (BUKU), so ≥ 90 tablets in the pregnancy. */
  ttdTablets: 90,
  /** An antigen counts as missing once the child has completed the month after its schedule month
   *  (so measles, scheduled at 9 months, is required from 10 completed months). */
  antigenGraceMonths: 1,
  /** Length: "diukur panjang/tinggi badannya oleh tenaga kesehatan terlatih minimal 2 kali dalam setahun"
   *  (BUKU): a measurement in every 6 months, so the cell looks back 6 months (a recorded birth length counts
   *  when born inside them; a child under 6 months with none is not due yet). */
  lengthWindowMonths: 6,
  /** Measurements (weighing, length, nutrition status) the scorecard reads: the longest window above. */
  measurementWindowMonths: 6,
  /** A birth must be reported within 60 days (UU 24/2013 Pasal 27): the certificate is due after that. */
  birthCertificateDueDays: 60,
  /** PAUD age: 2 up to 6 completed years (24–83 months), BUKU; PAUD per UU 20/2003 Pasal 28. */
  paudFromMonths: 24,
  paudToMonths: 83,
  child0to23ToMonths: 23,
} as const;

/**
 * Antenatal care schedules, as data: the minimum contacts per trimester. Where the sources disagree both are
 * kept and a regency's catalog names the one it follows (`ServiceCatalog.ancSchedule`, docs/SCORECARD-RULES.md).
 */
export const ANC_SCHEDULES = {
  /** BUKU ("periksa kehamilan paling sedikit 4 kali selama kehamilan") and Permenkes 97/2014 Pasal 13: 1–1–2. */
  k4: {
    perTrimester: [1, 1, 2] as const,
    source: `Buku Pendataan dan Pemantauan Layanan 1000 HPK (Kemendesa PDTT); Permenkes 97/2014 Pasal 13`,
    label: {
      id: "minimal 4 kali: 1 di trimester I, 1 di trimester II, 2 di trimester III",
      en: "at least 4: 1 in T1, 1 in T2, 2 in T3",
    },
  },
  /** Permenkes 21/2021 (the newer national standard): at least 6 contacts, 1–2–3 (the split is not confirmed
   *  from the regulation's text; the Buku KIA 2020+ prints 2–1–3 — see docs/SCORECARD-RULES.md). */
  k6: {
    perTrimester: [1, 2, 3] as const,
    source: "Permenkes 21/2021 (pelayanan kesehatan masa hamil minimal 6 kali)",
    label: {
      id: "minimal 6 kali: 1 di trimester I, 2 di trimester II, 3 di trimester III",
      en: "at least 6: 1 in T1, 2 in T2, 3 in T3",
    },
  },
} as const;
export type AncSchedule = keyof typeof ANC_SCHEDULES;

/**
 * Post-partum checks (kunjungan nifas) by their windows, in days after delivery (day 0 = the birth day; KF1
 * starts 6 hours after it). A window's check is due when the window closes.
 */
export const NIFAS_SCHEDULES = {
  /** Permenkes 21/2021: KF1 6 h–2 days, KF2 3–7 days, KF3 8–28 days, KF4 29–42 days. */
  kf4: {
    windows: [
      [0, 2],
      [3, 7],
      [8, 28],
      [29, 42],
    ] as const,
    source: "Permenkes 21/2021 (KF1–KF4)",
  },
  /** BUKU "minimal 3 kali", with the older Buku KIA windows: 6 h–3 days, 4–28 days, 29–42 days. */
  kf3: {
    windows: [
      [0, 3],
      [4, 28],
      [29, 42],
    ] as const,
    source: "Buku Pendataan dan Pemantauan Layanan 1000 HPK; Buku KIA (KF1–KF3)",
  },
} as const;
export type NifasSchedule = keyof typeof NIFAS_SCHEDULES;

export const PACKAGE_CODES = Object.keys(PACKAGES) as [PackageCode, ...PackageCode[]];

export const ServiceIndicatorSchema = z.object({
  code: z.string(),
  group: z.enum(SCORE_GROUPS),
  /** The recorded service it counts, or the registry data it is derived from. */
  basis: z.enum([...RECORDED_SERVICES, "penimbangan", "pengukuran", "air_minum", "jamban"]),
  package: z.enum(PACKAGE_CODES),
  label: z.object({ id: z.string(), en: z.string() }),
  /** Short column header for the table and the XLSX. */
  short: z.string(),
  source: z.string(),
});
export type ServiceIndicator = z.infer<typeof ServiceIndicatorSchema>;

/** The baseline indicators: the KPM scorecard of the BUKU. */
export const BASELINE_INDICATORS: readonly ServiceIndicator[] = [
  {
    code: "bumil_anc",
    group: "ibu_hamil",
    basis: "anc",
    package: "kia",
    short: "ANC",
    label: {
      id: "Pemeriksaan kehamilan sesuai jadwal per trimester",
      en: "Antenatal checks on schedule per trimester",
    },
    source: `${BUKU}; Permenkes 97/2014 Pasal 13; Permenkes 21/2021; PALI Pasal 4(3)j`,
  },
  {
    code: "bumil_ttd",
    group: "ibu_hamil",
    basis: "ttd",
    package: "kia",
    short: "TTD",
    label: {
      id: "Tablet tambah darah (≥ 90 tablet selama hamil)",
      en: "Iron tablets (≥ 90 in the pregnancy)",
    },
    source: `${BUKU} ("minum 1 tablet setiap hari minimal selama 90 hari"); Paser Pasal 24(1)a`,
  },
  {
    code: "bumil_nifas",
    group: "ibu_hamil",
    basis: "nifas",
    package: "kia",
    short: "Nifas",
    label: {
      id: "Pemeriksaan nifas sesuai jendela KF",
      en: "Post-partum checks in their KF windows",
    },
    source: `${BUKU}; Permenkes 21/2021 (KF1–KF4)`,
  },
  {
    code: "bumil_konseling",
    group: "ibu_hamil",
    basis: "konseling_gizi",
    package: "konseling_gizi",
    short: "Konseling",
    label: {
      id: "Konseling gizi / kelas ibu hamil (≥ 4 kali selama hamil)",
      en: "Nutrition counselling / antenatal class (≥ 4 in the pregnancy)",
    },
    source: `${BUKU} ("minimal 4 kali"); PALI Pasal 4(2)b, 4(3)b; Paser Pasal 24(1)b`,
  },
  {
    code: "bumil_kunjungan",
    group: "ibu_hamil",
    basis: "kunjungan_rumah",
    package: "konseling_gizi",
    short: "Kunj.",
    label: {
      id: "Kunjungan rumah (ibu hamil KEK / risiko tinggi)",
      en: "Home visit (KEK or high-risk pregnancy)",
    },
    source: `${BUKU}; PALI Pasal 4(3)k, 4(4)e`,
  },
  {
    code: "bumil_air",
    group: "ibu_hamil",
    basis: "air_minum",
    package: "air_sanitasi",
    short: "Air",
    label: { id: "Akses air minum layak", en: "Safe drinking water" },
    source: `${BUKU}; PALI Pasal 4(2)c; Paser Pasal 24(1)c`,
  },
  {
    code: "bumil_jamban",
    group: "ibu_hamil",
    basis: "jamban",
    package: "air_sanitasi",
    short: "Jamban",
    label: { id: "Jamban sehat (layak)", en: "Proper latrine" },
    source: `${BUKU}; PALI Pasal 4(2)c; Paser Pasal 24(1)c`,
  },
  {
    code: "bumil_jkn",
    group: "ibu_hamil",
    basis: "jkn",
    package: "perlindungan_sosial",
    short: "JKN",
    label: { id: "Jaminan kesehatan (JKN)", en: "Health insurance (JKN)" },
    source: `${BUKU}; PALI Pasal 4(6)d; Paser Pasal 24(1)d`,
  },
  {
    code: "anak_imunisasi",
    group: "anak_0_23",
    basis: "imunisasi",
    package: "kia",
    short: "Imun.",
    label: { id: "Imunisasi dasar lengkap sesuai umur", en: "Basic immunisation complete for age" },
    source: `${BUKU}; Permenkes 12/2017 (jadwal imunisasi); PALI Pasal 4(3)m`,
  },
  {
    code: "anak_timbang",
    group: "anak_0_23",
    basis: "penimbangan",
    package: "kia",
    short: "Timbang",
    label: { id: "Penimbangan berat badan tiap bulan", en: "Weighed every month" },
    source: `${BUKU} ("diukur berat badannya di posyandu secara rutin setiap bulan"); Permenkes 4/2019 (SPM)`,
  },
  {
    code: "anak_ukur",
    group: "anak_0_23",
    basis: "pengukuran",
    package: "kia",
    short: "Ukur PB",
    label: { id: "Pengukuran panjang badan (≥ 2 kali setahun)", en: "Length measured (≥ twice a year)" },
    source: `${BUKU} ("minimal 2 kali dalam setahun"); Paser Pasal 36(2)b`,
  },
  {
    code: "anak_konseling",
    group: "anak_0_23",
    basis: "konseling_gizi",
    package: "konseling_gizi",
    short: "Konseling",
    label: { id: "Konseling gizi bagi orang tua", en: "Nutrition counselling for parents" },
    source: `${BUKU}; PALI Pasal 4(2)b; Paser Pasal 24(1)b`,
  },
  {
    code: "anak_kunjungan",
    group: "anak_0_23",
    basis: "kunjungan_rumah",
    package: "konseling_gizi",
    short: "Kunj.",
    label: {
      id: "Kunjungan rumah (anak gizi buruk, gizi kurang, stunting)",
      en: "Home visit (severely/moderately wasted or stunted child)",
    },
    source: `${BUKU} ("status gizi buruk, gizi kurang, dan stunting mendapat kunjungan ke rumah … minimal 1 bulan sekali"); PALI Pasal 4(3)k`,
  },
  {
    code: "anak_air",
    group: "anak_0_23",
    basis: "air_minum",
    package: "air_sanitasi",
    short: "Air",
    label: { id: "Akses air minum layak", en: "Safe drinking water" },
    source: `${BUKU}; PALI Pasal 4(2)c; Paser Pasal 24(1)c`,
  },
  {
    code: "anak_jamban",
    group: "anak_0_23",
    basis: "jamban",
    package: "air_sanitasi",
    short: "Jamban",
    label: { id: "Jamban sehat (layak)", en: "Proper latrine" },
    source: `${BUKU}; PALI Pasal 4(2)c; Paser Pasal 24(1)c`,
  },
  {
    code: "anak_akta",
    group: "anak_0_23",
    basis: "akta_lahir",
    package: "perlindungan_sosial",
    short: "Akta",
    label: { id: "Akta kelahiran", en: "Birth certificate" },
    source: `${BUKU}; PALI Pasal 4(3)l; UU 24/2013 Pasal 27`,
  },
  {
    code: "anak_jkn",
    group: "anak_0_23",
    basis: "jkn",
    package: "perlindungan_sosial",
    short: "JKN",
    label: { id: "Jaminan kesehatan (JKN)", en: "Health insurance (JKN)" },
    source: `${BUKU}; PALI Pasal 4(6)d; Paser Pasal 24(1)d`,
  },
  {
    code: "anak_pengasuhan",
    group: "anak_0_23",
    basis: "kelas_pengasuhan",
    package: "paud",
    short: "Parenting",
    label: { id: "Kelas pengasuhan (parenting / BKB)", en: "Parenting class" },
    source: `${BUKU}; PALI Pasal 4(3)f`,
  },
  {
    code: "paud",
    group: "anak_2_6",
    basis: "paud",
    package: "paud",
    short: "PAUD",
    label: { id: "Mengikuti layanan PAUD", en: "Attends PAUD" },
    source: `${BUKU}; PALI Pasal 4(2)e; Paser Pasal 24(1)e`,
  },
];

export const ServiceCatalogSchema = z.object({
  key: z.string(),
  regulation: z.string(),
  packages: z.array(z.enum(PACKAGE_CODES)).readonly(),
  indicators: z.array(ServiceIndicatorSchema).readonly(),
  /** Which antenatal schedule the regency follows (k4: BUKU/Permenkes 97/2014; k6: Permenkes 21/2021). */
  ancSchedule: z.enum(["k4", "k6"]),
  /** Which post-partum windows it follows (kf4: Permenkes 21/2021; kf3: BUKU/older Buku KIA). */
  nifasSchedule: z.enum(["kf4", "kf3"]),
});
export type ServiceCatalog = z.infer<typeof ServiceCatalogSchema>;

/** Paser: 7 packages (Paser Pasal 24(1)); parenting counts under "pengasuhan anak di keluarga" (24(1)f). */
const PASER: ServiceCatalog = {
  key: "paser-47-2024",
  regulation: "Peraturan Bupati Paser 47/2024, Pasal 24 dan 36",
  // Perbup of 2024, after Permenkes 21/2021: the newer national standard (6 ANC contacts, KF1–KF4).
  ancSchedule: "k6",
  nifasSchedule: "kf4",
  packages: [
    "kia",
    "konseling_gizi",
    "air_sanitasi",
    "perlindungan_sosial",
    "paud",
    "pengasuhan",
    "pekarangan",
  ],
  indicators: BASELINE_INDICATORS.map((i) =>
    i.code === "anak_pengasuhan"
      ? { ...i, package: "pengasuhan", source: `${i.source}; Paser Pasal 24(1)f, 24(2)c` }
      : i,
  ),
};

/** PALI: the 5 packages of PALI Pasal 4(2); parenting (pengasuhan bersama, BKB) is under KIA, Pasal 4(3)f. */
const PALI: ServiceCatalog = {
  key: "pali-64-2021",
  regulation: "Peraturan Bupati PALI 64/2021, Pasal 4, 30, 34, 37",
  // PALI adopts the Kemendesa convergence guidance (the BUKU): 4 ANC contacts; post-partum by Permenkes 21/2021.
  ancSchedule: "k4",
  nifasSchedule: "kf4",
  packages: ["kia", "konseling_gizi", "air_sanitasi", "perlindungan_sosial", "paud"],
  indicators: BASELINE_INDICATORS.map((i) => (i.code === "anak_pengasuhan" ? { ...i, package: "kia" } : i)),
};

export const CATALOGS: Record<string, ServiceCatalog> = { [PASER.key]: PASER, [PALI.key]: PALI };

/** Which catalog a regency uses, by its Kemendagri code. */
export const REGENCY_CATALOGS: Record<string, string> = { "64.01": PASER.key, "16.12": PALI.key };

/** The catalog for a region: its regency's entry, else the 5-package national baseline. */
export function catalogForRegion(code: string): ServiceCatalog {
  const regency = code.split(".").slice(0, 2).join(".");
  const key = REGENCY_CATALOGS[regency];
  return (key && CATALOGS[key]) || { ...PALI, key: "nasional", regulation: BUKU, ancSchedule: "k4" };
}

export function indicatorsOf(catalog: ServiceCatalog, group: ScoreGroup): ServiceIndicator[] {
  return catalog.indicators.filter((i) => i.group === group);
}
