import { type OverviewRow, type ReportSectionView, stuntingShare } from "@tumbuh/core";
import { fig, type SectionContext } from "./context";

const STAGE_LATE = (r: OverviewRow) =>
  r.lateStages.length > 0 ? `${r.lateStages.length} tahap terlambat` : "tepat waktu";

/**
 * Planning and budget status (Paser Pasal 9 huruf k, 18 huruf b): the planning overview of the period's
 * year as features/planning computes it — per village for a kecamatan, per kecamatan for the regency.
 */
export async function planningSection(ctx: SectionContext): Promise<ReportSectionView> {
  const o = await ctx.planning();
  const figures = [
    fig("villages", "Desa/kelurahan", "count", o.total.villages),
    fig("complete", "Siklus perencanaan selesai", "count", o.total.complete),
    fig("late", "Desa dengan tahap terlambat", "count", o.total.late),
    fig("apb_total", "Total APB Desa (yang tercatat)", "rupiah", o.total.apbTotal),
    fig("stunting_budget", "Anggaran kegiatan stunting", "rupiah", o.total.stuntingBudget),
    fig("stunting_share", "Porsi anggaran stunting", "percent", o.total.stuntingShare),
  ];
  if (ctx.region.level === "kabupaten") {
    const byKec = new Map<
      string,
      { name: string; n: number; late: number; complete: number; apb: number; st: number }
    >();
    for (const r of o.rows) {
      const k = byKec.get(r.kecamatanCode) ?? {
        name: r.kecamatanName,
        n: 0,
        late: 0,
        complete: 0,
        apb: 0,
        st: 0,
      };
      k.n += 1;
      k.late += r.lateStages.length > 0 ? 1 : 0;
      k.complete += r.complete ? 1 : 0;
      if (r.apbTotal !== null) {
        k.apb += r.apbTotal;
        k.st += r.stuntingBudget;
      }
      byKec.set(r.kecamatanCode, k);
    }
    return {
      code: "planning",
      title: "Status perencanaan dan anggaran",
      source: "Perbup Paser 47/2024 Pasal 9 huruf k dan Pasal 18 huruf b",
      note: null,
      figures,
      tables: [
        {
          key: "kecamatan",
          title: "Per kecamatan",
          columns: ["Kecamatan", "Desa", "Selesai", "Terlambat", "APB Desa", "Anggaran stunting", "Porsi"],
          units: ["text", "count", "count", "count", "rupiah", "rupiah", "percent"],
          rows: [...byKec.values()].map((k) => [
            k.name,
            k.n,
            k.complete,
            k.late,
            k.apb,
            k.st,
            stuntingShare(k.st, k.apb),
          ]),
        },
      ],
    };
  }
  return {
    code: "planning",
    title: "Status perencanaan dan anggaran",
    source: "Perbup Paser 47/2024 Pasal 9 huruf k dan Pasal 18 huruf b",
    note: null,
    figures,
    tables: [
      {
        key: "villages",
        title: "Per desa/kelurahan",
        columns: ["Desa/kelurahan", "Tahap berjalan", "Ketepatan", "APB Desa", "Anggaran stunting", "Porsi"],
        units: ["text", "text", "text", "rupiah", "rupiah", "percent"],
        rows: o.rows.map((r) => [
          r.regionName,
          r.currentStage ?? "selesai",
          STAGE_LATE(r),
          r.apbTotal,
          r.stuntingBudget,
          r.stuntingShare,
        ]),
      },
    ],
  };
}

/** APB Desa money for stunting prevention (PALI Pasal 40 ayat (5)), from the desa's planning cycle. */
export async function budgetSection(ctx: SectionContext): Promise<ReportSectionView> {
  const o = await ctx.planning();
  return {
    code: "budget",
    title: "Dana APB Desa untuk kegiatan pencegahan stunting",
    source: "Perbup PALI 64/2021 Pasal 40 ayat (5)",
    note:
      o.total.apbTotal === 0 && o.total.stuntingBudget === 0
        ? "APB Desa tahun ini belum tercatat di siklus perencanaan."
        : null,
    figures: [
      fig("apb_total", "Total APB Desa", "rupiah", o.total.apbTotal),
      fig("stunting_budget", "Dana untuk kegiatan pencegahan stunting", "rupiah", o.total.stuntingBudget),
      fig("stunting_share", "Porsi dari APB Desa", "percent", o.total.stuntingShare),
    ],
    tables: [],
  };
}
