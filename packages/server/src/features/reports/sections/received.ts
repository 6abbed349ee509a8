import { periodLabel, REPORT_KINDS, type ReportSectionView, readScopes } from "@tumbuh/core";
import { findRegionsByCode } from "../../regions/service";
import { reportsSentTo } from "../repository";
import { fig, type SectionContext } from "./context";

const STATUS = { issued: "diterima", acknowledged: "ditanggapi", draft: "draf" } as const;

/**
 * Reports the level below sent to this region whose period lies inside this report's period (Paser Pasal
 * 18 huruf f–h: the kecamatan monitors its villages; Pasal 45(2): the TPPS coordinates M&E).
 */
export async function receivedSection(ctx: SectionContext): Promise<ReportSectionView> {
  const rows = (await reportsSentTo(ctx.db, readScopes(ctx.actor), ctx.region.code, 2000)).filter((r) =>
    r.period.startsWith(ctx.period.slice(0, 4)),
  );
  const names = new Map(
    (await findRegionsByCode(ctx.db, [...new Set(rows.map((r) => r.region_code))])).map((r) => [
      r.code,
      r.name,
    ]),
  );
  return {
    code: "reports_received",
    title: "Laporan yang diterima dari tingkat di bawahnya",
    source: "Perbup Paser 47/2024 Pasal 18 huruf f–h dan Pasal 45 ayat (2)",
    note: rows.length === 0 ? "Belum ada laporan yang diterima pada tahun ini." : null,
    figures: [
      fig("received", "Laporan diterima", "count", rows.length),
      fig(
        "acknowledged",
        "Laporan sudah ditanggapi",
        "count",
        rows.filter((r) => r.status === "acknowledged").length,
      ),
    ],
    tables: [
      {
        key: "received",
        title: "Daftar laporan",
        columns: ["Wilayah", "Laporan", "Periode", "Versi", "Status"],
        units: ["text", "text", "text", "count", "text"],
        rows: rows.map((r) => [
          names.get(r.region_code) ?? r.region_code,
          REPORT_KINDS[r.kind as keyof typeof REPORT_KINDS]?.title.id ?? r.kind,
          periodLabel(r.period),
          r.version,
          STATUS[r.status as keyof typeof STATUS] ?? r.status,
        ]),
      },
    ],
  };
}
