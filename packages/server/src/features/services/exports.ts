import { type Actor, catalogForRegion } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, words } from "../../documents/words";
import type { DownloadFile } from "../../http/download";
import { appendAudit } from "../audit/service";
import { findRegionsByCode } from "../regions/service";
import { scorecardPdf } from "./export-pdf";
import { scorecardXlsx } from "./export-xlsx";
import { buildScorecard } from "./scorecard";

/** The names of the places the rows are registered at (codes never reach the file). */
async function placeNames(db: Kysely<Database>, rows: readonly { regionCode: string }[]) {
  const codes = [...new Set(rows.map((r) => r.regionCode))];
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500)
    for (const r of await findRegionsByCode(db, codes.slice(i, i + 500))) names.set(r.code, r.name);
  return names;
}

export type ScorecardFormat = "xlsx" | "pdf";

/** The scorecard as a file; every export is audited (it carries names of targets out of the system). */
export async function exportScorecard(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  period: string,
  format: ScorecardFormat,
  lang: DocLanguage = "id",
): Promise<DownloadFile> {
  const { view, rows } = await buildScorecard(db, actor, regionCode, period, { rows: format === "xlsx" });
  const catalog = catalogForRegion(regionCode);
  const body =
    format === "xlsx"
      ? await scorecardXlsx(view, catalog, await placeNames(db, view.rows ?? []))
      : await scorecardPdf(view, catalog, rows);
  await appendAudit(db, actor, {
    action: "scorecard.export",
    entity: "scorecard",
    entityId: null,
    regionCode: view.regionCode,
    after: { period, format, targets: view.totals.targets },
  });
  return {
    fileName: downloadName(lang, {
      what: words("scorecard-konvergensi", "convergence-scorecard"),
      place: { kind: view.regionLevel, name: view.regionName },
      period,
      ext: format,
    }),
    contentType:
      format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "application/pdf",
    body,
  };
}
