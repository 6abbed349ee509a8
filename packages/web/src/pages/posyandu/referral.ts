import type { ChildAlert } from "@tumbuh/core";

/**
 * The results that send a child to the puskesmas (Buku KIA 2023 p. 54: "Rujuk bila berat badan anak tidak
 * naik (T) atau di bawah garis merah"; Permenkes 2/2020: stunted and wasted children are referred for
 * confirmation). In the order the note names them. An implausible value is re-measured first, not referred.
 */
export const REFERRAL_ALERTS = [
  "2T",
  "severe_wasting",
  "wasting",
  "severe_stunting",
  "stunting",
] as const satisfies readonly ChildAlert[];
export type ReferralAlert = (typeof REFERRAL_ALERTS)[number];

export function referralReasons(alerts: readonly ChildAlert[]): ReferralAlert[] {
  return REFERRAL_ALERTS.filter((a) => alerts.includes(a));
}

/** The note stored with the referral: the reasons in words the puskesmas reads (Indonesian, as recorded). */
export function referralNote(reasons: readonly ReferralAlert[]): string {
  const words: Record<ReferralAlert, string> = {
    "2T": "berat badan tidak naik 2 kali (2T)",
    severe_wasting: "gizi buruk",
    wasting: "gizi kurang",
    severe_stunting: "sangat pendek",
    stunting: "pendek",
  };
  return `Dirujuk dari posyandu: ${reasons.map((r) => words[r]).join(", ")}`;
}
