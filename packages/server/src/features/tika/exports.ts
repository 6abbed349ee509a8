import { type Actor, periodLabel, type TikaCountsView, toCsv } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, words } from "../../documents/words";
import type { DownloadFile } from "../../http/download";
import { appendAudit } from "../audit/service";
import { tikaCounts } from "./service";

/** Column headings of the CSV (API and CLI): Indonesian, as the desa reports print them. */
export const TIKA_CSV_HEADER = [
  "kode_wilayah",
  "wilayah",
  "periode",
  "anak_0_23_bulan",
  "terindikasi_stunting_merah",
  "berisiko_stunting_kuning",
  "tidak_stunting_hijau",
  "tidak_diukur",
  "hasil_dari_tika",
  "hasil_dari_panjang_badan",
] as const;

/** The counts as CSV rows: one per area, then the region's total. */
export function tikaCsv(view: TikaCountsView): string {
  const label = periodLabel(view.period);
  const line = (code: string, name: string, c: TikaCountsView["total"]) => [
    code,
    name,
    label,
    c.children,
    c.merah,
    c.kuning,
    c.hijau,
    c.notMeasured,
    c.fromReading,
    c.fromLength,
  ];
  return toCsv([
    [...TIKA_CSV_HEADER],
    ...view.rows.map((r) => line(r.code, r.name, r.counts)),
    line(view.regionCode, `Jumlah ${view.regionName}`, view.total),
  ]);
}

/** The counts as a download; every download is audited. */
export async function exportTika(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  period: string,
  lang: DocLanguage = "id",
): Promise<DownloadFile> {
  const view = await tikaCounts(db, actor, regionCode, period);
  await appendAudit(db, actor, {
    action: "tika.export",
    entity: "tika",
    entityId: null,
    regionCode: view.regionCode,
    after: { period, format: "csv" },
  });
  return {
    fileName: downloadName(lang, {
      what: "tika",
      place: { kind: view.regionLevel, name: view.regionName },
      period,
      ext: "csv",
    }),
    contentType: "text/csv; charset=utf-8",
    body: tikaCsv(view),
  };
}
