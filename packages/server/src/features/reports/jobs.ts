import { SYSTEM_ACTOR } from "@tumbuh/core";
import { z } from "zod";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { defineJob } from "../jobs/service";
import { reportPdf } from "./render-pdf";
import { reportXlsx } from "./render-xlsx";
import { findReport, storeDocument } from "./repository";
import { reportView } from "./service";

/**
 * Renders an issued report's PDF and XLSX once, off the request path, from its frozen figures; downloads
 * then serve the stored bytes. Idempotent: running it again renders the same figures again.
 */
export const renderReportJob = defineJob({
  kind: "reports.render",
  input: z.strictObject({ id: z.string().uuid() }),
  async run(ctx, { id }) {
    const row = await findReport(ctx.db, [""], id);
    if (!row || row.status === "draft") throw errors.notFound();
    // The view is built as the system sees it: the documents are the same for every reader.
    const view = await reportView(ctx.db, SYSTEM_ACTOR, row);
    ctx.progress(0, 2);
    const pdf = await reportPdf(view);
    ctx.progress(1, 2);
    const xlsx = await reportXlsx(view);
    const at = nowIso();
    await inTransaction(ctx.db, async (trx) => {
      await storeDocument(trx, id, "pdf", pdf, at);
      await storeDocument(trx, id, "xlsx", xlsx, at);
    });
    ctx.progress(2, 2);
    return { id, pdfBytes: pdf.length, xlsxBytes: xlsx.length };
  },
});
