import {
  monthEnd,
  monthStart,
  monthsOfPeriod,
  pregnancySignals,
  type ReportSectionView,
  readScopes,
} from "@tumbuh/core";
import { pregnanciesInRegion } from "../../pregnancies/service";
import { fig, type SectionContext } from "./context";
import { TIKA_MISSING, tikaCounts } from "./tika";

/**
 * The 1000-HPK targets of the year, exactly the list of PALI Pasal 40 ayat (2) a–f: pregnant women and
 * children 0–23 months as the scorecard counts its target groups; KEK (LiLA < 23,5 cm) or high-risk
 * pregnancies from the registry; d–f from the tika.
 */
export async function targetsSection(ctx: SectionContext): Promise<ReportSectionView> {
  const s = await ctx.scorecard();
  const group = (g: string) => s.totals.groups.find((x) => x.group === g)?.targets ?? 0;
  const months = monthsOfPeriod(ctx.period);
  const from = monthStart(months[0] as string);
  const to = monthEnd(months.at(-1) as string);
  const pregnancies = await pregnanciesInRegion(ctx.db, readScopes(ctx.actor), ctx.region.code, from, to, 0);
  const risky = pregnancies.filter(
    (p) => p.high_risk === 1 || pregnancySignals({ muacCm: p.muac_cm, hbGdl: null }).kek,
  ).length;
  const t = await tikaCounts(ctx);
  return {
    code: "targets_1000hpk",
    title: "Keberadaan sasaran 1000 HPK dalam satu tahun",
    source: "Perbup PALI 64/2021 Pasal 40 ayat (2) huruf a–f",
    note: t ? null : `Huruf d–f diukur dengan tika pertumbuhan: ${TIKA_MISSING}`,
    figures: [
      fig("a_pregnant", "a. Total ibu hamil", "count", group("ibu_hamil")),
      fig("b_pregnant_kek_high_risk", "b. Ibu hamil KEK atau risiko tinggi", "count", risky),
      fig("c_children_0_23", "c. Total anak 0–23 bulan", "count", group("anak_0_23")),
      fig("d_tika_stunted", "d. Anak 0–23 bulan terindikasi stunting (tika)", "count", t?.stunted ?? null),
      fig("e_tika_at_risk", "e. Anak 0–23 bulan berisiko stunting (tika)", "count", t?.atRisk ?? null),
      fig("f_tika_not_stunted", "f. Anak 0–23 bulan tidak stunting (tika)", "count", t?.notStunted ?? null),
    ],
    tables: [],
  };
}
