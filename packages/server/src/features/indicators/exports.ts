import type { Actor } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, say, type Words, words } from "../../documents/words";
import type { DownloadFile } from "../../http/download";
import { appendAudit } from "../audit/service";
import type { JobRunner } from "../jobs/service";
import { cachedPublicationPdf, getPublication } from "./publication";
import { getDashboard } from "./service";
import { dashboardTables, publicationTable, toCsv, toXlsx } from "./tables";

const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A byte-order mark, so spreadsheet programs read the CSV as UTF-8 (names with diacritics). */
const BOM = "\uFEFF";

const FIGURE_WORDS: Record<"indikator" | "wilayah" | "tren", Words> = {
  indikator: words("indikator", "indicators"),
  wilayah: words("wilayah", "areas"),
  tren: words("tren", "trend"),
};

/**
 * A dashboard as a file: CSV holds one figure (one table per file), XLSX all three as sheets. The figures
 * hold no personal data but are still official: who took what is logged.
 */
export async function exportDashboard(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    region: string;
    period: string;
    agency?: string | undefined;
    format: "csv" | "xlsx";
    figure: "indikator" | "wilayah" | "tren";
  },
  jobs: JobRunner | null = null,
  lang: DocLanguage = "id",
): Promise<DownloadFile> {
  const { format, figure, ...query } = input;
  const view = await getDashboard(db, actor, query, undefined, jobs);
  const tables = dashboardTables(view, lang);
  const name = (extra: string | null, ext: string) =>
    downloadName(lang, {
      what: words("indikator", "indicators"),
      place: { kind: view.region.level, name: view.region.name },
      period: view.period,
      extra: [extra],
      ext,
    });
  await appendAudit(db, actor, {
    action: "indicator.export",
    entity: "indicator_dashboard",
    entityId: null,
    regionCode: view.region.code,
    after: {
      period: view.period,
      format,
      figure: format === "csv" ? figure : "all",
      agency: query.agency ?? null,
    },
  });
  if (format === "xlsx")
    return { fileName: name(null, "xlsx"), contentType: XLSX, body: await toXlsx(tables) };
  const table = tables.find((t) => t.name === figure) ?? tables[0];
  return {
    fileName: name(say(lang, FIGURE_WORDS[figure]), "csv"),
    contentType: CSV,
    body: `${BOM}${toCsv(table as (typeof tables)[number])}`,
  };
}

/** The yearly public publication as a file (no login: aggregates only, small cells suppressed). */
export async function publicationFile(
  db: Kysely<Database>,
  year: number,
  format: "csv" | "pdf",
  jobs: JobRunner | null = null,
  lang: DocLanguage = "id",
): Promise<DownloadFile> {
  const v = await getPublication(db, year, undefined, jobs);
  const fileName = downloadName(lang, {
    what: words("publikasi-stunting", "stunting-publication"),
    place: { kind: v.regency.level, name: v.regency.name },
    extra: [String(v.year)],
    ext: format,
  });
  if (format === "pdf")
    return { fileName, contentType: "application/pdf", body: await cachedPublicationPdf(v) };
  return { fileName, contentType: CSV, body: `${BOM}${toCsv(publicationTable(v))}` };
}
