import { completedMonths, daysBetween } from "../dates";

/**
 * Stunting case audit (audit kasus stunting), Paser Pasal 12(3)e and 13(5): find the causes of a case to
 * prevent similar ones. Findings are recorded per cause domain; the annex of Paser 47/2024 (Sasaran
 * Strategis 4, indicator 8 "Terselenggaranya audit anak berusia di bawah dua tahun (badut) stunting")
 * sets the target at 50%.
 */
export const AUDIT_DOMAINS = {
  ibu: { id: "Kesehatan & gizi ibu", en: "Maternal health & nutrition" },
  pemberian_makan: { id: "Pemberian makan bayi & anak", en: "Infant & young child feeding" },
  infeksi: { id: "Penyakit infeksi", en: "Infection" },
  air_sanitasi: { id: "Air minum & sanitasi", en: "Water & sanitation" },
  pengasuhan: { id: "Pengasuhan", en: "Care" },
  sosial: { id: "Sosial ekonomi", en: "Social & economic" },
} as const;
export type AuditDomain = keyof typeof AUDIT_DOMAINS;
export const AUDIT_DOMAIN_CODES = Object.keys(AUDIT_DOMAINS) as [AuditDomain, ...AuditDomain[]];

/** Annex of Paser 47/2024, Sasaran Strategis 4 indicator 8: 50% of stunted children under two audited. */
export const AUDIT_TARGET_SHARE = 0.5;

/** A case eligible for audit: stunted (TB/U below −2 SD, Permenkes 2/2020) and under two years (badut). */
export function isAuditableCase(birthDate: string, measuredOn: string, tbu: string | null): boolean {
  return (tbu === "tbu.pendek" || tbu === "tbu.sangat_pendek") && completedMonths(birthDate, measuredOn) < 24;
}

export function auditShare(
  stuntedUnder2: number,
  audited: number,
): { share: number | null; meetsTarget: boolean } {
  if (stuntedUnder2 === 0) return { share: null, meetsTarget: false };
  const share = audited / stuntedUnder2;
  return { share, meetsTarget: share >= AUDIT_TARGET_SHARE };
}

/** A follow-up (or a visit) is overdue when its due date has passed (strictly before today) and it is not done. */
export function isOverdue(dueOn: string | null, done: boolean, today: string): boolean {
  return !done && dueOn !== null && daysBetween(dueOn, today) > 0;
}
