import { type ReportSectionView, readScopes, type TikaCountsView } from "@tumbuh/core";
import { tikaCountsOf } from "../../tika/service";
import { fig, type SectionContext } from "./context";

/** One read of the tika counts per report assembly (the targets and tika sections both use them). */
const cache = new WeakMap<SectionContext, Promise<TikaCountsView>>();

function countsOf(ctx: SectionContext): Promise<TikaCountsView> {
  let p = cache.get(ctx);
  if (!p) {
    p = tikaCountsOf(ctx.db, readScopes(ctx.actor), ctx.region.code, ctx.period);
    cache.set(ctx, p);
  }
  return p;
}

/**
 * Tika pertumbuhan counts for PALI Pasal 40 ayat (2) d–f and (4): children 0–23 months indicated stunted, at
 * risk, and not stunted as the tika measures them — features/tika, the same figures as `tumbuh tika` and the
 * tika page for the region and period. Never null now (the type stays for targets.ts): a region without
 * readings or lengths has zeros, and its "tidak diukur" count says why.
 */
export async function tikaCounts(
  ctx: SectionContext,
): Promise<{ stunted: number; atRisk: number; notStunted: number } | null> {
  const t = (await countsOf(ctx)).total;
  return { stunted: t.merah, atRisk: t.kuning, notStunted: t.hijau };
}

export const TIKA_MISSING = "Data tika pertumbuhan belum tersedia.";

/** PALI Pasal 40 ayat (4) (and the monthly report of Pasal 37): the tika results of the period. */
export async function tikaSection(ctx: SectionContext): Promise<ReportSectionView> {
  const view = await countsOf(ctx);
  const t = view.total;
  const row = (name: string, c: TikaCountsView["total"]) => [
    name,
    c.children,
    c.merah,
    c.kuning,
    c.hijau,
    c.notMeasured,
    c.fromLength,
  ];
  return {
    code: "tika",
    title: "Hasil pengukuran tika pertumbuhan",
    source: "Perbup PALI 64/2021 Pasal 40 ayat (2) huruf d–f dan ayat (4)",
    note:
      `Hasil terakhir tiap anak dalam periode: pembacaan tika; bila tidak ada, warna dari pengukuran panjang badan ` +
      `terakhir (${t.fromLength} anak). Batas warna: ${view.rule.source}.`,
    figures: [
      fig("tika_children", "Anak 0–23 bulan", "count", t.children),
      fig("tika_stunted", "Anak 0–23 bulan terindikasi stunting (tika, merah)", "count", t.merah),
      fig("tika_at_risk", "Anak 0–23 bulan berisiko stunting (tika, kuning)", "count", t.kuning),
      fig("tika_not_stunted", "Anak 0–23 bulan tidak stunting (tika, hijau)", "count", t.hijau),
      fig("tika_not_measured", "Anak 0–23 bulan tidak diukur", "count", t.notMeasured),
      fig("tika_from_length", "Hasil dari pengukuran panjang badan (tanpa tika)", "count", t.fromLength),
    ],
    tables: [
      {
        key: "areas",
        title: "Per wilayah",
        columns: [
          "Wilayah",
          "Anak 0–23 bln",
          "Merah",
          "Kuning",
          "Hijau",
          "Tidak diukur",
          "Dari panjang badan",
        ],
        units: ["text", "count", "count", "count", "count", "count", "count"],
        rows: view.rows.map((r) => row(r.name, r.counts)),
      },
    ],
  };
}
