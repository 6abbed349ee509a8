import { type Actor, ImportResultSchema, importReasonText, toCsv } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, headerRow, say, words } from "../../documents/words";
import { errors } from "../../errors";
import type { AppDeps } from "../../http/context";
import { appendAudit } from "../audit/service";
import { viewJob } from "../jobs/service";

const HEAD = [
  words("Jenis", "Kind"),
  words("Baris", "Row"),
  words("Kolom", "Column"),
  words("Alasan", "Reason"),
  words("Kode", "Code"),
];
const REJECTED = words("Ditolak", "Rejected");
const WARNING = words("Peringatan", "Warning");

/**
 * The rows an import the caller ran refused, then its warnings, as CSV to fix the file by: line, the
 * file's column, the reason in the user's language (from its code, as the web says it) and the code itself
 * for whoever sorts by it. The download is audited like every other.
 */
export async function rejectionsCsv(
  db: Kysely<Database>,
  jobs: AppDeps["jobs"],
  actor: Actor,
  jobId: string,
  lang: DocLanguage = "id",
): Promise<{ fileName: string; csv: string }> {
  const job = await viewJob(db, jobs, actor, jobId);
  const parsed = job.kind === "imports.measurements" ? ImportResultSchema.safeParse(job.result) : null;
  if (!parsed?.success) throw errors.notFound();
  const r = parsed.data;
  const rows: (string | number | null)[][] = [
    headerRow(lang, HEAD),
    ...r.rejected.map((e) => [
      say(lang, REJECTED),
      e.line,
      e.column ?? "",
      importReasonText(e, lang),
      e.code,
    ]),
    ...r.warnings.map((e) => [say(lang, WARNING), e.line, e.column ?? "", importReasonText(e, lang), e.code]),
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
  const fileName = downloadName(lang, {
    what: words("baris-ditolak", "rejected-rows"),
    extra: [r.fileName.replace(/\.[^.]*$/, "")],
    ext: "csv",
  });
  return { fileName, csv: `\uFEFF${toCsv(rows)}` };
}
