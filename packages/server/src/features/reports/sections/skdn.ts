import type { ReportSectionView } from "@tumbuh/core";
import type { SectionContext } from "./context";

/**
 * The posyandu SKDN figures (S registered, K with KMS, D weighed, N gaining weight) of the month. The `skdn`
 * feature arrives separately; until then the section says so.
 *
 * MERGE POINT: after the `skdn` feature lands, build the figures here from its service.ts (the SKDN of the
 * region and `ctx.period`), keeping the keys s, k, d, n, d_s, n_d.
 */
export async function skdnSection(_ctx: SectionContext): Promise<ReportSectionView> {
  return {
    code: "skdn",
    title: "Penimbangan posyandu (SKDN)",
    source: "Perbup PALI 64/2021 Pasal 37 ayat (3): Buku Pendataan dan Pemantauan Layanan 1000 HPK",
    note: "Data SKDN belum tersedia.",
    figures: [],
    tables: [],
  };
}
