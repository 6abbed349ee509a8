import { type Actor, ImportResultSchema, importReasonText, toCsv } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import type { AppDeps } from "../../http/context";
import { appendAudit } from "../audit/service";
import { viewJob } from "../jobs/service";

/**
 * The rows an import the caller ran refused, then its warnings, as CSV to fix the file by: line, the
 * file's column, the reason in Indonesian (from its code, as the web says it) and the code itself for
 * whoever sorts by it. The download is audited like every other.
 */
export async function rejectionsCsv(
  db: Kysely<Database>,
  jobs: AppDeps["jobs"],
  actor: Actor,
  jobId: string,
): Promise<{ fileName: string; csv: string }> {
  const job = await viewJob(db, jobs, actor, jobId);
  const parsed = job.kind === "imports.measurements" ? ImportResultSchema.safeParse(job.result) : null;
  if (!parsed?.success) throw errors.notFound();
  const r = parsed.data;
  const rows: (string | number | null)[][] = [
    ["Jenis", "Baris", "Kolom", "Alasan", "Kode"],
    ...r.rejected.map((e) => ["Ditolak", e.line, e.column ?? "", importReasonText(e), e.code]),
    ...r.warnings.map((e) => ["Peringatan", e.line, e.column ?? "", importReasonText(e), e.code]),
  ];
  await inTransaction(db, (trx) =>
    appendAudit(trx, actor, {
      action: "import.rejections.export",
      entity: "job",
      entityId: jobId,
      regionCode: null,
      after: { fileName: r.fileName, rejected: r.rejected.length, warnings: r.warnings.length },
    }),
  );
  const base = r.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-");
  return { fileName: `baris-ditolak-${base}.csv`, csv: `\uFEFF${toCsv(rows)}` };
}
