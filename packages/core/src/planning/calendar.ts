import type { CycleKind, StageCode } from "./stages";

/**
 * Deadlines of the cycle's stages relative to the village planning calendar of the year the plan is made
 * (`year`, planning the following budget year).
 *
 * The calendar, with its sources:
 * - Desa: musyawarah desa for the RKP Desa by June of the planning year, RKP Desa set by the end of
 *   September (Permendagri 114/2014 on village development planning, as the lead restated it); APB Desa
 *   set by 31 December before the budget year (Permendagri 20/2018 on village financial management).
 * - Kelurahan: Musrenbang Kelurahan in January and Musrenbang Kecamatan in February of the planning year, where
 *   the kelurahan's proposals go (Permendagri 86/2017, the Musrenbang RKPD sequence); the APBD is set at the
 *   latest one month before the budget year, 30 November (PP 12/2019).
 *   Article numbers of these national rules are not in the seeds; the dates are the rules as commonly stated.
 * The stages hang on those dates as PALI Lampiran I says: pemetaan sosial, FGD di desa and FGD antar desa
 * "paling lambat sebelum pelaksanaan Rembuk Stunting"; rembuk stunting before musyawarah desa / Musrenbang
 * (PALI Pasal 12(1), Paser Pasal 32(1)); kampanye "sebelum atau setelah rembuk" — counted as done by the
 * time the plan is set; advokasi "setelah Rembuk Stunting, sebelum Penetapan RKP Desa".
 * Sosialisasi has no date of its own in either regulation; it precedes the pemetaan sosial (PALI Pasal 7–9),
 * so it shares the rembuk deadline.
 */
export interface PlanningCalendar {
  /** Musyawarah desa (desa) or Musrenbang Kelurahan (kelurahan): the rembuk must be held before it. */
  musyawarah: string;
  /** RKP Desa set (desa) / kelurahan proposals taken to the Musrenbang Kecamatan (kelurahan, end of February). */
  plan: string;
  /** APB Desa (desa) / APBD (kelurahan) set. */
  budget: string;
}

/** The calendar's legal latest dates, when the desa has not scheduled its own musyawarah earlier. */
export function defaultCalendar(kind: CycleKind, year: number): PlanningCalendar {
  if (kind === "desa") {
    return { musyawarah: `${year}-06-30`, plan: `${year}-09-30`, budget: `${year}-12-31` };
  }
  return { musyawarah: `${year}-01-31`, plan: dayBefore(`${year}-03-01`), budget: `${year}-11-30` };
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day a stage may finish. A scheduled musyawarah date (earlier than the legal latest) pulls the
 * rembuk and everything before it forward: the rembuk must be held before it, so by the day before.
 */
export function stageDeadline(
  kind: CycleKind,
  year: number,
  code: StageCode,
  scheduledMusyawarah?: string | null,
): string {
  const cal = defaultCalendar(kind, year);
  const musyawarah =
    scheduledMusyawarah && scheduledMusyawarah < cal.musyawarah ? scheduledMusyawarah : cal.musyawarah;
  const beforeRembuk = dayBefore(musyawarah);
  switch (code) {
    case "sosialisasi":
    case "pemetaan_sosial":
    case "fgd_desa":
    case "fgd_antar_desa":
    case "rembuk":
      return beforeRembuk;
    case "kampanye":
    case "advokasi":
    case "rkp_desa":
    case "usulan_kelurahan":
      return cal.plan;
    case "apb_desa":
    case "apbd":
      return cal.budget;
  }
}

/** Late: not finished (or skipped) and today is past the deadline. */
export function isLate(status: string, deadline: string, today: string): boolean {
  return status !== "selesai" && status !== "dilewati" && today > deadline;
}
