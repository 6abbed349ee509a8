import { type Actor, periodLabel, type TikaCountsView, toCsv } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, headerRow, say, type Words, words } from "../../documents/words";
import type { DownloadFile } from "../../http/download";
import { appendAudit } from "../audit/service";
import { tikaCounts } from "./service";

/** Column headings of the CSV, in the user's language (documents/words.ts); the API's default is Indonesian. */
export const TIKA_CSV_HEADER: readonly Words[] = [
  words("Kode wilayah", "Area code"),
  words("Wilayah", "Area"),
  words("Periode", "Period"),
  words("Anak 0–23 bulan", "Children 0–23 months"),
  words("Terindikasi stunting (merah)", "Indicated stunting (red)"),
  words("Berisiko stunting (kuning)", "At risk of stunting (yellow)"),
  words("Tidak stunting (hijau)", "Not stunted (green)"),
  words("Tidak diukur", "Not measured"),
  words("Hasil dari TIKA", "Result from the TIKA mat"),
  words("Hasil dari panjang badan", "Result from the length"),
];
const TOTAL = words("Jumlah", "Total");

/** The counts as CSV rows: one per area, then the region's total. */
export function tikaCsv(view: TikaCountsView, lang: DocLanguage = "id"): string {
  const label = periodLabel(view.period, lang);
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
    headerRow(lang, TIKA_CSV_HEADER),
    ...view.rows.map((r) => line(r.code, r.name, r.counts)),
    line(view.regionCode, `${say(lang, TOTAL)} ${view.regionName}`, view.total),
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
    body: tikaCsv(view, lang),
  };
}
