/**
 * The yearly planning cycle of a desa/kelurahan as a state machine.
 * Stages: PALI Pasal 7–14 and Lampiran I (sosialisasi, pemetaan sosial, FGD di desa, FGD antar desa,
 * rembuk stunting, kampanye, advokasi) and Paser Pasal 29–34; the cycle ends when the agreed proposals are
 * in the village plan and budget (Paser Pasal 26(1–2), 27(1): RKP Desa and APB Desa) or, for a kelurahan,
 * proposed to the regency's Musrenbang and funded from the APBD (Paser Pasal 26(3), 27(2)).
 */

export const STAGE_CODES = [
  "sosialisasi",
  "pemetaan_sosial",
  "fgd_desa",
  "fgd_antar_desa",
  "rembuk",
  "kampanye",
  "advokasi",
  "rkp_desa",
  "apb_desa",
  "usulan_kelurahan",
  "apbd",
] as const;
export type StageCode = (typeof STAGE_CODES)[number];

export type CycleKind = "desa" | "kelurahan";

export const STAGE_STATUSES = ["belum", "berjalan", "selesai", "dilewati"] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export interface StageRule {
  code: StageCode;
  /** Only when needed: PALI Pasal 11(2) — inter-village FGD "dalam hal dibutuhkan adanya kerjasama antar Desa". */
  optional: boolean;
  /** Stages that must be finished (or, if optional, skipped) before this one may start. */
  after: StageCode[];
  /** Who is responsible, in the regulation's words (PALI Lampiran I column "Penanggung Jawab"). */
  responsible: string;
  /** Output documents (PALI Pasal 7(4) instrumen kendali, Lampiran I, Lampiran II "Instrumen Kendali"). */
  outputs: string[];
  source: string;
}

const DESA_STAGES: StageRule[] = [
  {
    code: "sosialisasi",
    optional: false,
    after: [],
    responsible: "Seluruh pelaku konvergensi tingkat Desa dan antar Desa",
    outputs: ["Berita Acara pemilihan KPM", "SK Kepala Desa tentang Penetapan KPM"],
    source: "PALI Pasal 7; Paser Pasal 36(1)",
  },
  {
    code: "pemetaan_sosial",
    optional: false,
    after: ["sosialisasi"],
    responsible: "KPM bersama pegiat pemberdayaan masyarakat di RDS",
    outputs: ["Peta sosial", "Isian format pemetaan kondisi layanan dan sasaran"],
    source: "PALI Pasal 9, Lampiran I no. 1; Paser Pasal 30",
  },
  {
    code: "fgd_desa",
    optional: false,
    after: ["pemetaan_sosial"],
    responsible: "Rumah Desa Sehat (RDS)",
    outputs: ["Berita Acara FGD", "Daftar masalah prioritas", "Alternatif kegiatan prioritas"],
    source: "PALI Pasal 10, Lampiran I no. 2; Paser Pasal 31",
  },
  {
    code: "fgd_antar_desa",
    optional: true,
    after: ["fgd_desa"],
    responsible: "Badan Kerja Sama Antar Desa bersama RDS",
    outputs: ["Berita Acara Musyawarah Antar Desa"],
    source: "PALI Pasal 11, Lampiran I no. 3",
  },
  {
    code: "rembuk",
    optional: false,
    after: ["fgd_desa", "fgd_antar_desa"],
    responsible: "Rumah Desa Sehat (RDS)",
    outputs: ["Berita Acara Rembuk Stunting", "Daftar usulan kegiatan berperingkat"],
    source: "PALI Pasal 12, Lampiran I no. 4; Paser Pasal 32",
  },
  {
    // "sebelum atau setelah rembuk stunting" (PALI Lampiran I no. 5): it may start once the FGD results exist
    // to be published (Paser Pasal 32(3)) and does not hold the rembuk up.
    code: "kampanye",
    optional: false,
    after: ["fgd_desa"],
    responsible: "Pemerintah Desa dan RDS",
    outputs: ["Catatan kampanye (media, tanggal, jangkauan)"],
    source: "PALI Pasal 13, Lampiran I no. 5; Paser Pasal 33",
  },
  {
    code: "advokasi",
    optional: false,
    after: ["rembuk"],
    responsible: "Pegiat pembangunan Desa di RDS dan masyarakat Desa",
    outputs: ["Tanda terima Berita Acara oleh Kepala Desa dan BPD"],
    source: "PALI Pasal 14, Lampiran I no. 6; Paser Pasal 34",
  },
  {
    code: "rkp_desa",
    optional: false,
    after: ["advokasi"],
    responsible: "Pemerintah Desa dan BPD",
    outputs: ["Peraturan Desa tentang RKP Desa (kegiatan stunting tercantum)"],
    source: "Paser Pasal 26(1–2)",
  },
  {
    code: "apb_desa",
    optional: false,
    after: ["rkp_desa", "kampanye"],
    responsible: "Pemerintah Desa dan BPD",
    outputs: ["Peraturan Desa tentang APB Desa (pagu kegiatan stunting)"],
    source: "Paser Pasal 27(1); PALI Pasal 14(2)",
  },
];

/** Kelurahan: no village budget; proposals go to the regency Musrenbang and the APBD (Paser Pasal 26(3), 27(2)). */
const KELURAHAN_STAGES: StageRule[] = [
  ...DESA_STAGES.filter((s) => s.code !== "rkp_desa" && s.code !== "apb_desa").map((s) =>
    s.code === "fgd_antar_desa"
      ? {
          ...s,
          responsible: "Kelurahan bersama kecamatan dan RDS",
          outputs: ["Berita Acara FGD antar Kelurahan"],
        }
      : s,
  ),
  {
    code: "usulan_kelurahan",
    optional: false,
    after: ["advokasi"],
    responsible: "Lurah",
    outputs: ["Usulan Kelurahan dalam Musrenbang (Rencana Kerja Kecamatan)"],
    source: "Paser Pasal 26(3), Pasal 34, Pasal 36(2)",
  },
  {
    code: "apbd",
    optional: false,
    after: ["usulan_kelurahan", "kampanye"],
    responsible: "Lurah dan Camat",
    outputs: ["DPA kelurahan/kecamatan (pagu kegiatan stunting dari APBD)"],
    source: "Paser Pasal 27(2)",
  },
];

export function stagesOf(kind: CycleKind): readonly StageRule[] {
  return kind === "desa" ? DESA_STAGES : KELURAHAN_STAGES;
}

export function stageRule(kind: CycleKind, code: StageCode): StageRule | undefined {
  return stagesOf(kind).find((s) => s.code === code);
}

export type StageStatuses = Partial<Record<StageCode, StageStatus>>;

function statusOf(statuses: StageStatuses, code: StageCode): StageStatus {
  return statuses[code] ?? "belum";
}

/** A predecessor no longer holds a stage up once finished, or (optional ones only) skipped. */
function cleared(statuses: StageStatuses, code: StageCode): boolean {
  const s = statusOf(statuses, code);
  return s === "selesai" || s === "dilewati";
}

export type TransitionRefusal =
  | { reason: "unknown_stage" }
  | { reason: "same_status" }
  | { reason: "waiting_for"; stages: StageCode[] }
  | { reason: "not_optional" }
  | { reason: "later_stage_started"; stages: StageCode[] }
  | { reason: "not_allowed"; from: StageStatus; to: StageStatus };

/**
 * May a stage move from its current status to `to`? Allowed moves:
 * belum → berjalan (predecessors cleared), berjalan → selesai (predecessors still cleared),
 * belum → dilewati (optional stages only), dilewati → belum, selesai → berjalan (re-open), berjalan → belum;
 * moving back is refused while a stage that waits for this one has started.
 * Returns null when allowed, else why not.
 */
export function checkTransition(
  kind: CycleKind,
  statuses: StageStatuses,
  code: StageCode,
  to: StageStatus,
): TransitionRefusal | null {
  const rule = stageRule(kind, code);
  if (!rule) return { reason: "unknown_stage" };
  const from = statusOf(statuses, code);
  if (from === to) return { reason: "same_status" };
  const allowed: Record<StageStatus, StageStatus[]> = {
    belum: ["berjalan", "dilewati", "selesai"],
    berjalan: ["selesai", "belum"],
    selesai: ["berjalan"],
    dilewati: ["belum"],
  };
  if (!allowed[from].includes(to)) return { reason: "not_allowed", from, to };
  if (to === "dilewati" && !rule.optional) return { reason: "not_optional" };
  if (to === "berjalan" || to === "selesai") {
    if (from === "belum" || from === "berjalan") {
      const waiting = rule.after.filter((p) => stageRule(kind, p) && !cleared(statuses, p));
      if (waiting.length > 0) return { reason: "waiting_for", stages: waiting };
    }
  }
  // Moving back (re-opening, undoing a skip or a start) must not leave a later stage started on top of it.
  const goingBack = (from === "selesai" && to === "berjalan") || to === "belum";
  if (goingBack) {
    const started = stagesOf(kind)
      .filter((s) => s.after.includes(code) && statusOf(statuses, s.code) !== "belum")
      .map((s) => s.code);
    if (started.length > 0) return { reason: "later_stage_started", stages: started };
  }
  return null;
}

/** Stages that may be started now: not started and every predecessor cleared. */
export function startableStages(kind: CycleKind, statuses: StageStatuses): StageCode[] {
  return stagesOf(kind)
    .filter(
      (s) =>
        statusOf(statuses, s.code) === "belum" &&
        checkTransition(kind, statuses, s.code, "berjalan") === null,
    )
    .map((s) => s.code);
}

/** The cycle is complete when every required stage is finished (optional ones finished or skipped). */
export function cycleComplete(kind: CycleKind, statuses: StageStatuses): boolean {
  return stagesOf(kind).every((s) =>
    s.optional ? cleared(statuses, s.code) : statusOf(statuses, s.code) === "selesai",
  );
}

/** The stage the cycle is at: the first stage in order that is not cleared, or null when all are. */
export function currentStage(kind: CycleKind, statuses: StageStatuses): StageCode | null {
  return stagesOf(kind).find((s) => !cleared(statuses, s.code))?.code ?? null;
}
