import type { PeriodKind } from "../period";
import type { Level } from "../regions";

/**
 * The reports and meetings the two regulations require, as data. Each kind names the article that asks for
 * it (printed at the top of its document), the level that writes it, its period, which figures it carries
 * (sections), what a person writes (narrative fields), who signs (as the article names them) and to whom it
 * goes. Sources: Perbup PALI 64/2021 (desa: Pasal 23, 36–40) and Perbup Paser 47/2024 (kecamatan: Pasal
 * 18 c, h; regency: Pasal 44 d, 45, 46, 47; annex Pilar 5 a.4–7).
 */

export const REPORT_KINDS_LIST = [
  "desa_monthly",
  "desa_rds_monthly",
  "desa_quarterly_meeting",
  "desa_accountability",
  "desa_yearly",
  "kecamatan_monev",
  "kecamatan_rakor",
  "regency_tpps_bupati",
  "regency_bupati_governor",
  "regency_oversight",
  "monev_event",
] as const;
export type ReportKind = (typeof REPORT_KINDS_LIST)[number];

/** Figure sections a kind may carry; each is assembled by the reports feature from another feature's service. */
export const REPORT_SECTIONS = [
  "targets_1000hpk",
  "scorecard",
  "scorecard_areas",
  "indicators",
  "prevalence",
  "tika",
  "skdn",
  "planning",
  "budget",
  "families",
  "catin",
  "case_audits",
  "reports_received",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Narrative fields a person fills before issuing; labels are in the web's words and the PDF's. */
export const NARRATIVE_FIELDS = [
  "findings",
  "follow_up",
  "problems",
  "meeting_date",
  "meeting_place",
  "chair",
  "attendance",
  "use_planning",
  "use_advocacy",
  "use_rembuk",
  "use_monitoring",
  "use_socialisation",
  "activities",
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

export const NARRATIVE_LABELS: Record<NarrativeField, { id: string; en: string }> = {
  findings: { id: "Temuan", en: "Findings" },
  follow_up: { id: "Tindak lanjut", en: "Follow-up" },
  problems: { id: "Permasalahan dan kendala", en: "Problems" },
  meeting_date: { id: "Tanggal rapat/musyawarah", en: "Meeting date" },
  meeting_place: { id: "Tempat", en: "Place" },
  chair: { id: "Dipimpin oleh", en: "Chaired by" },
  attendance: { id: "Daftar hadir (nama dan unsur)", en: "Attendance (name and group)" },
  use_planning: {
    id: "Masukan atas proses perencanaan pembangunan Desa (PALI Pasal 38 ayat (3) huruf a)",
    en: "Input to village development planning (PALI 38(3) a)",
  },
  use_advocacy: {
    id: "Bahan advokasi pemerintah Desa kepada penyedia layanan (huruf b)",
    en: "Advocacy to service providers (b)",
  },
  use_rembuk: {
    id: "Masukan rembuk stunting kabupaten, Musrenbang Kecamatan, konsolidasi antar Desa (huruf c)",
    en: "Input to the regency rembuk, kecamatan musrenbang, inter-village consolidation (c)",
  },
  use_monitoring: {
    id: "Peningkatan kinerja pemantauan bulanan (huruf d)",
    en: "Better monthly monitoring (d)",
  },
  use_socialisation: {
    id: "Bahan sosialisasi dan penggalangan partisipasi masyarakat (huruf e)",
    en: "Socialisation and community participation (e)",
  },
  activities: { id: "Kegiatan yang dilaksanakan", en: "Activities carried out" },
};

/** Who signs, as the article names them. */
export interface Signatory {
  /** Position as written on the document, e.g. "Wali Desa". */
  position: string;
  /** Where the regulation names this signatory. */
  source: string;
}

/**
 * Where an issued report goes: the next level's region (its TPPS / government sees it in its inbox and
 * acknowledges), the regency itself (the Bupati, through the regency's TPPS/admin), or outside the
 * application (the Governor: the regency sends the PDF; the app records that it was issued).
 */
export type Recipient = "parent" | "regency" | "external";

export interface ReportKindDef {
  kind: ReportKind;
  title: { id: string; en: string };
  /** The article that requires it, as printed on the document. */
  source: string;
  /** What the article says, quoted briefly on the cover. */
  basis: string;
  levels: readonly Level[];
  period: PeriodKind;
  /** Days after the period's last day by which it is due. */
  dueDays: number;
  sections: readonly ReportSection[];
  narrative: readonly NarrativeField[];
  signatories: readonly Signatory[];
  recipient: Recipient;
  /** The recipient as the document addresses it. */
  recipientTitle: string;
}

const PALI = "Perbup PALI 64/2021";
const PASER = "Perbup Paser 47/2024";
const MEETING: NarrativeField[] = ["meeting_date", "meeting_place", "chair", "attendance"];
const STORY: NarrativeField[] = ["findings", "follow_up", "problems"];

export const REPORT_KINDS: Record<ReportKind, ReportKindDef> = {
  desa_monthly: {
    kind: "desa_monthly",
    title: {
      id: "Laporan Pemantauan Bulanan Layanan 1000 HPK",
      en: "Monthly monitoring of 1000-HPK services",
    },
    source: `${PALI} Pasal 36 dan Pasal 37`,
    basis:
      "Pemantauan bulanan untuk mengetahui pemenuhan layanan intervensi gizi spesifik dan sensitif bagi sasaran rumah tangga 1000 HPK, dilaksanakan oleh KPM yang tergabung dalam RDS (Pasal 37 ayat (1)–(2)).",
    levels: ["desa"],
    period: "month",
    dueDays: 10,
    sections: ["scorecard", "scorecard_areas", "tika", "skdn", "indicators"],
    narrative: STORY,
    signatories: [
      { position: "Kader Pembangunan Manusia (KPM)", source: `${PALI} Pasal 37 ayat (2)` },
      { position: "Wali Desa", source: `${PALI} Pasal 23` },
    ],
    recipient: "parent",
    recipientTitle: "Camat / TPPS Kecamatan",
  },
  desa_rds_monthly: {
    kind: "desa_rds_monthly",
    title: { id: "Laporan Bulanan Pelaksanaan Kegiatan RDS", en: "Monthly report of the RDS" },
    source: `${PALI} Pasal 23`,
    basis:
      "Pengurus harian RDS wajib menyusun laporan pelaksanaan kegiatan RDS setiap bulan untuk disampaikan kepada anggota RDS dan Wali Desa.",
    levels: ["desa"],
    period: "month",
    dueDays: 10,
    sections: ["scorecard"],
    narrative: ["activities", ...STORY],
    signatories: [
      { position: "Ketua Pengurus Harian RDS", source: `${PALI} Pasal 23` },
      { position: "Wali Desa (penerima)", source: `${PALI} Pasal 23` },
    ],
    recipient: "parent",
    recipientTitle: "Anggota RDS dan Wali Desa (tembusan Kecamatan)",
  },
  desa_quarterly_meeting: {
    kind: "desa_quarterly_meeting",
    title: { id: "Rapat Evaluasi 3 (Tiga) Bulanan", en: "Three-monthly evaluation meeting" },
    source: `${PALI} Pasal 38`,
    basis:
      "Kegiatan rutin Sekretariat Bersama RDS untuk mengevaluasi data dan pelaporan hasil pemantauan bulanan yang dikoordinir KPM, dipimpin oleh Wali Desa dan diikuti Bamus, kader desa, tokoh masyarakat dan perwakilan kelembagaan masyarakat (Pasal 38 ayat (1)–(2)).",
    levels: ["desa"],
    period: "quarter",
    dueDays: 15,
    sections: ["scorecard", "scorecard_areas", "tika", "indicators"],
    narrative: [
      ...MEETING,
      "findings",
      "use_planning",
      "use_advocacy",
      "use_rembuk",
      "use_monitoring",
      "use_socialisation",
    ],
    signatories: [
      { position: "Wali Desa (pimpinan rapat)", source: `${PALI} Pasal 38 ayat (2)` },
      {
        position: "Kader Pembangunan Manusia (KPM), koordinator pemantauan",
        source: `${PALI} Pasal 38 ayat (1)`,
      },
    ],
    recipient: "parent",
    recipientTitle: "Camat / TPPS Kecamatan",
  },
  desa_accountability: {
    kind: "desa_accountability",
    title: { id: "Musyawarah Pertanggungjawaban", en: "Accountability meeting" },
    source: `${PALI} Pasal 39`,
    basis:
      "Wadah penyampaian hasil pemantauan terhadap 5 (lima) paket layanan pencegahan stunting di Desa, setidaknya 2 kali dalam setahun (Pasal 39).",
    levels: ["desa"],
    period: "semester",
    dueDays: 30,
    sections: ["scorecard", "indicators", "budget"],
    narrative: [...MEETING, ...STORY],
    signatories: [
      { position: "Wali Desa", source: `${PALI} Pasal 22 ayat (3) dan Pasal 39` },
      { position: "Perwakilan RDS", source: `${PALI} Pasal 22 ayat (3)` },
    ],
    recipient: "parent",
    recipientTitle: "Masyarakat Desa (tembusan Camat / TPPS Kecamatan)",
  },
  desa_yearly: {
    kind: "desa_yearly",
    title: {
      id: "Laporan Tahunan Konvergensi Pencegahan Stunting Desa",
      en: "Yearly village convergence report",
    },
    source: `${PALI} Pasal 40`,
    basis:
      "Pelaporan dilakukan setiap akhir tahun atau awal tahun berikutnya (Pasal 40 ayat (1)) dan setidaknya memuat keberadaan sasaran 1000 HPK (ayat (2) huruf a–f), tingkat konvergensi (ayat (3)), hasil pengukuran tika pertumbuhan (ayat (4)) dan jumlah dana APB Desa untuk pencegahan stunting (ayat (5)).",
    levels: ["desa"],
    period: "year",
    dueDays: 31,
    sections: ["targets_1000hpk", "scorecard", "tika", "budget", "indicators"],
    narrative: STORY,
    signatories: [
      { position: "Wali Desa", source: `${PALI} Pasal 36 dan Pasal 40` },
      { position: "Kader Pembangunan Manusia (KPM)", source: `${PALI} Pasal 37 ayat (2)` },
    ],
    recipient: "parent",
    recipientTitle: "Camat / TPPS Kecamatan",
  },
  kecamatan_monev: {
    kind: "kecamatan_monev",
    title: {
      id: "Laporan Pemantauan dan Evaluasi Kecamatan",
      en: "Kecamatan monitoring and evaluation report",
    },
    source: `${PASER} Pasal 18 huruf h`,
    basis:
      "Kecamatan menyusun laporan Pemantauan dan Evaluasi hasil akhir pencegahan dan penurunan Stunting (Pasal 18 huruf h), dari pemantauan pelaksanaan kegiatan tingkat Desa/Kelurahan (huruf f).",
    levels: ["kecamatan"],
    period: "semester",
    dueDays: 30,
    sections: ["prevalence", "scorecard", "scorecard_areas", "indicators", "planning", "reports_received"],
    narrative: STORY,
    signatories: [{ position: "Camat selaku Ketua TPPS Kecamatan", source: `${PASER} Pasal 18` }],
    recipient: "parent",
    recipientTitle: "Ketua TPPS Kabupaten Paser",
  },
  kecamatan_rakor: {
    kind: "kecamatan_rakor",
    title: {
      id: "Rapat Koordinasi dan Rembuk Stunting Tingkat Kecamatan",
      en: "Kecamatan coordination meeting and rembuk",
    },
    source: `${PASER} Pasal 18 huruf c`,
    basis:
      "Kecamatan menyelenggarakan rapat koordinasi dan rembuk Stunting tingkat kecamatan (Pasal 18 huruf c).",
    levels: ["kecamatan"],
    period: "semester",
    dueDays: 30,
    sections: ["scorecard_areas", "planning"],
    narrative: [...MEETING, ...STORY],
    signatories: [{ position: "Camat selaku pimpinan rapat", source: `${PASER} Pasal 18 huruf c` }],
    recipient: "parent",
    recipientTitle: "Ketua TPPS Kabupaten Paser",
  },
  regency_tpps_bupati: {
    kind: "regency_tpps_bupati",
    title: {
      id: "Laporan Penyelenggaraan Percepatan Penurunan Stunting kepada Bupati",
      en: "TPPS report to the Bupati",
    },
    source: `${PASER} Pasal 46 ayat (1) dan Pasal 44 huruf d`,
    basis:
      "Ketua TPPS mengoordinasikan laporan penyelenggaraan Percepatan Penurunan Stunting untuk disampaikan kepada Bupati selaku Ketua Pengarah 2 (dua) kali dalam 1 (satu) tahun (Pasal 46 ayat (1)); memuat penilaian kesesuaian kegiatan, keluaran dan target (Pasal 44 huruf d).",
    levels: ["kabupaten"],
    period: "semester",
    dueDays: 30,
    sections: [
      "prevalence",
      "indicators",
      "scorecard",
      "scorecard_areas",
      "planning",
      "families",
      "catin",
      "case_audits",
      "tika",
      "reports_received",
    ],
    narrative: STORY,
    signatories: [
      { position: "Ketua TPPS Kabupaten Paser", source: `${PASER} Pasal 45 ayat (2) dan Pasal 46 ayat (1)` },
    ],
    recipient: "regency",
    recipientTitle: "Bupati Paser selaku Ketua Pengarah",
  },
  regency_bupati_governor: {
    kind: "regency_bupati_governor",
    title: {
      id: "Laporan Penyelenggaraan Percepatan Penurunan Stunting kepada Gubernur",
      en: "Bupati's report to the Governor",
    },
    source: `${PASER} Pasal 46 ayat (2) dan Pasal 44 huruf d`,
    basis:
      "Bupati menyampaikan laporan penyelenggaraan Percepatan Penurunan Stunting kepada gubernur 2 (dua) kali dalam 1 (satu) tahun (Pasal 46 ayat (2)).",
    levels: ["kabupaten"],
    period: "semester",
    dueDays: 45,
    sections: [
      "prevalence",
      "indicators",
      "scorecard",
      "scorecard_areas",
      "planning",
      "families",
      "catin",
      "case_audits",
      "tika",
    ],
    narrative: STORY,
    signatories: [{ position: "Bupati Paser", source: `${PASER} Pasal 46 ayat (2)` }],
    recipient: "external",
    recipientTitle: "Gubernur Kalimantan Timur",
  },
  regency_oversight: {
    kind: "regency_oversight",
    title: { id: "Laporan Hasil Pembinaan dan Pengawasan", en: "Yearly oversight report" },
    source: `${PASER} Pasal 47 ayat (2)`,
    basis:
      "Hasil pembinaan dan pengawasan disampaikan kepada Bupati paling sedikit sekali dalam setahun (Pasal 47 ayat (2)).",
    levels: ["kabupaten"],
    period: "year",
    dueDays: 60,
    sections: ["scorecard_areas", "planning", "reports_received"],
    narrative: ["activities", ...STORY],
    signatories: [
      { position: "Ketua TPPS Kabupaten Paser", source: `${PASER} Pasal 47 ayat (1)–(2), Pasal 48` },
    ],
    recipient: "regency",
    recipientTitle: "Bupati Paser",
  },
  monev_event: {
    kind: "monev_event",
    title: { id: "Pemantauan dan Evaluasi Semesteran", en: "Twice-yearly monitoring and evaluation" },
    source: `${PASER} Lampiran, Pilar 5 huruf a angka 4–7 dan Pasal 45`,
    basis:
      "Terselenggaranya Pemantauan dan Evaluasi Percepatan Penurunan Stunting di Pemerintah Daerah, Kecamatan dan Pemerintah Desa/Kelurahan, minimal 2 (dua) kali setiap tahun (Lampiran Pilar 5 a.4–7), dikoordinasikan Ketua TPPS (Pasal 45 ayat (2)).",
    levels: ["kabupaten", "kecamatan", "desa"],
    period: "semester",
    dueDays: 30,
    sections: ["indicators"],
    narrative: [...MEETING, ...STORY],
    signatories: [
      { position: "Pimpinan kegiatan pemantauan dan evaluasi", source: `${PASER} Pasal 45 ayat (1)` },
    ],
    recipient: "parent",
    recipientTitle: "Ketua TPPS (tingkat di atasnya)",
  },
};

export function reportKindDef(kind: ReportKind): ReportKindDef {
  return REPORT_KINDS[kind];
}

/** Kinds a region of this level writes. */
export function kindsForLevel(level: Level): ReportKindDef[] {
  return REPORT_KINDS_LIST.map((k) => REPORT_KINDS[k]).filter((d) => d.levels.includes(level));
}
