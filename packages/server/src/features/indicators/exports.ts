import type { Actor } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { DocLanguage } from "../../documents/words";
import { appendAudit } from "../audit/service";
import type { JobRunner } from "../jobs/service";
import { cachedPublicationPdf, getPublication } from "./publication";
import { getDashboard } from "./service";
import { dashboardTables, publicationTable, toCsv, toXlsx } from "./tables";

/** A file to download: the route sends it with these headers. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A byte-order mark, so spreadsheet programs read the CSV as UTF-8 (names with diacritics). */
const BOM = "\uFEFF";

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
  const base = `indikator-${view.region.code}-${view.period}`;
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
  if (format === "xlsx") return { fileName: `${base}.xlsx`, contentType: XLSX, body: await toXlsx(tables) };
  const table = tables.find((t) => t.name === figure) ?? tables[0];
  return {
    fileName: `${base}-${figure}.csv`,
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
): Promise<DownloadFile> {
  const v = await getPublication(db, year, undefined, jobs);
  const fileName = `publikasi-stunting-${v.regency.code}-${v.year}.${format}`;
  if (format === "pdf")
    return { fileName, contentType: "application/pdf", body: await cachedPublicationPdf(v) };
  return { fileName, contentType: CSV, body: `${BOM}${toCsv(publicationTable(v))}` };
}
