import { type Actor, ImportResultSchema, toCsv } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import type { AppDeps } from "../../http/context";
import { appendAudit } from "../audit/service";
import { viewJob } from "../jobs/service";

const KIND = {
  zscore: "selisih z-score > 0,1",
  placeholder: "nilai pengganti (999,99)",
  label: "status berbeda",
};
const INDEX = { bbu: "BB/U", tbu: "TB/U", bbtb: "BB/TB" };

/**
 * The reconciliation of an import the caller ran (jobs are visible to whoever started them), as CSV for a
 * spreadsheet: counts per posyandu, then every difference listed. Column names in Indonesian, as the
 * people who open it read them. The download is audited.
 */
export async function reconciliationCsv(
  db: Kysely<Database>,
  jobs: AppDeps["jobs"],
  actor: Actor,
  jobId: string,
): Promise<{ fileName: string; csv: string }> {
  const job = await viewJob(db, jobs, actor, jobId);
  const parsed = job.kind === "imports.measurements" ? ImportResultSchema.safeParse(job.result) : null;
  if (!parsed?.success) throw errors.notFound();
  const r = parsed.data.reconciliation;
  const rows: (string | number | null)[][] = [
    ["Desa/Kel", "Posyandu", "Baris dibandingkan", "Selisih z-score", "Nilai pengganti", "Status berbeda"],
    ...r.byPosyandu.map((p) => [p.desa, p.posyandu, p.rows, p.zscore, p.placeholder, p.label]),
    [],
    ["Baris", "Nama", "Posyandu", "Indeks", "Jenis", "e-PPGBM", "Tumbuh"],
    ...r.items.map((i) => [i.line, i.name, i.posyandu, INDEX[i.indicator], KIND[i.kind], i.eppgbm, i.tumbuh]),
  ];
  await inTransaction(db, (trx) =>
    appendAudit(trx, actor, {
      action: "import.reconciliation.export",
      entity: "job",
      entityId: jobId,
      regionCode: null,
      after: { fileName: parsed.data.fileName, differences: r.items.length },
    }),
  );
  const base = parsed.data.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-");
  return { fileName: `rekonsiliasi-${base}.csv`, csv: `\uFEFF${toCsv(rows)}` };
}
