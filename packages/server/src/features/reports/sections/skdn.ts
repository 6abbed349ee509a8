import {
  monthsOfPeriod,
  parsePeriod,
  periodLabel,
  type ReportSectionView,
  readScopes,
  type SkdnFigures,
} from "@tumbuh/core";
import { skdnFigures } from "../../skdn/service";
import type { SectionContext } from "./context";

const BASE = {
  code: "skdn",
  title: "Penimbangan posyandu (SKDN)",
  source: "Perbup PALI 64/2021 Pasal 37 ayat (3): Buku Pendataan dan Pemantauan Layanan 1000 HPK",
} as const;

const row = (f: SkdnFigures) => [f.s, f.k, f.d, f.n, f.t, f.twoT, f.bgm, f.ds, f.nd];

/**
 * The SKDN of the report's region (features/skdn, the same figures as its report page): S registered, K
 * with a weighing on record, D weighed, N gaining weight, with D/S and N/D. A month is itself; a longer
 * period is read at its last month (the posyandu's monthly report), as the note says.
 */
export async function skdnSection(ctx: SectionContext): Promise<ReportSectionView> {
  const month = monthsOfPeriod(ctx.period).at(-1) as string;
  const view = await skdnFigures(ctx.db, readScopes(ctx.actor), ctx.region.code, month);
  const f = view.total;
  return {
    ...BASE,
    note:
      parsePeriod(ctx.period)?.kind === "month"
        ? null
        : `Angka bulan terakhir periode: ${periodLabel(month)}.`,
    figures: [
      { key: "s", label: "S — balita terdaftar", unit: "count", value: f.s, text: null },
      { key: "k", label: "K — balita yang pernah ditimbang", unit: "count", value: f.k, text: null },
      { key: "d", label: "D — balita ditimbang bulan ini", unit: "count", value: f.d, text: null },
      { key: "n", label: "N — berat badan naik", unit: "count", value: f.n, text: null },
      {
        key: "d_s",
        label: "D/S — partisipasi penimbangan",
        unit: "percent",
        value: f.ds,
        text: `${f.d}/${f.s}`,
      },
      {
        key: "n_d",
        label: "N/D — naik dari yang ditimbang",
        unit: "percent",
        value: f.nd,
        text: `${f.n}/${f.d}`,
      },
    ],
    tables: [
      {
        key: "areas",
        title: "Per wilayah",
        columns: ["Wilayah", "S", "K", "D", "N", "T", "2T", "BGM", "D/S", "N/D"],
        units: ["text", "count", "count", "count", "count", "count", "count", "count", "percent", "percent"],
        rows: view.rows.map((r) => [r.name, ...row(r.figures)]),
      },
    ],
  };
}
