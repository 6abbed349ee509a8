import type { ReportSectionView } from "@tumbuh/core";
import { fig, type SectionContext } from "./context";

/**
 * Tika pertumbuhan counts for PALI Pasal 40 ayat (2) d–f and (4): children 0–23 months indicated stunted, at
 * risk, and not stunted as the tika measures them. Tumbuh has no tika readings on this branch (the `tika`
 * feature arrives separately): until it is merged this says so plainly and gives no numbers.
 *
 * MERGE POINT: after the `tika` feature lands, replace the body of `tikaCounts` with a call to that feature's
 * service.ts (counts of the region and period by tika result); the two sections below need nothing else.
 */
export async function tikaCounts(
  _ctx: SectionContext,
): Promise<{ stunted: number; atRisk: number; notStunted: number } | null> {
  return null;
}

export const TIKA_MISSING = "Data tika pertumbuhan belum tersedia.";

/** PALI Pasal 40 ayat (4): the tika results of the period. */
export async function tikaSection(ctx: SectionContext): Promise<ReportSectionView> {
  const t = await tikaCounts(ctx);
  return {
    code: "tika",
    title: "Hasil pengukuran tika pertumbuhan",
    source: "Perbup PALI 64/2021 Pasal 40 ayat (2) huruf d–f dan ayat (4)",
    note: t ? null : TIKA_MISSING,
    figures: [
      fig("tika_stunted", "Anak 0–23 bulan terindikasi stunting (tika)", "count", t?.stunted ?? null),
      fig("tika_at_risk", "Anak 0–23 bulan berisiko stunting (tika)", "count", t?.atRisk ?? null),
      fig("tika_not_stunted", "Anak 0–23 bulan tidak stunting (tika)", "count", t?.notStunted ?? null),
    ],
    tables: [],
  };
}
