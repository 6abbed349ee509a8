import { type Actor, ImportResultSchema, toCsv } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, headerRow, say, words } from "../../documents/words";
import { errors } from "../../errors";
import type { AppDeps } from "../../http/context";
import { appendAudit } from "../audit/service";
import { viewJob } from "../jobs/service";

const KIND = {
  zscore: words("selisih z-score > 0,1", "z-score differs by > 0.1"),
  placeholder: words("nilai pengganti (999,99)", "placeholder value (999.99)"),
  label: words("status berbeda", "status differs"),
};
const INDEX = { bbu: "BB/U", tbu: "TB/U", bbtb: "BB/TB" };

const PER_POSYANDU = [
  words("Desa/Kel", "Village"),
  words("Posyandu", "Posyandu"),
  words("Baris dibandingkan", "Rows compared"),
  words("Selisih z-score", "Z-score differences"),
  words("Nilai pengganti", "Placeholder values"),
  words("Status berbeda", "Status differences"),
];
const PER_ROW = [
  words("Baris", "Row"),
  words("Nama", "Name"),
  words("Posyandu", "Posyandu"),
  words("Indeks", "Index"),
  words("Jenis", "Kind"),
  words("e-PPGBM", "e-PPGBM"),
  words("Tumbuh", "Tumbuh"),
];

/**
 * The reconciliation of an import the caller ran (jobs are visible to whoever started them), as CSV for a
 * spreadsheet: counts per posyandu, then every difference listed, in the user's language (the values stay
 * as the file and Tumbuh wrote them). The download is audited.
 */
export async function reconciliationCsv(
  db: Kysely<Database>,
  jobs: AppDeps["jobs"],
  actor: Actor,
  jobId: string,
  lang: DocLanguage = "id",
): Promise<{ fileName: string; csv: string }> {
  const job = await viewJob(db, jobs, actor, jobId);
  const parsed = job.kind === "imports.measurements" ? ImportResultSchema.safeParse(job.result) : null;
  if (!parsed?.success) throw errors.notFound();
  const r = parsed.data.reconciliation;
  const rows: (string | number | null)[][] = [
    headerRow(lang, PER_POSYANDU),
    ...r.byPosyandu.map((p) => [p.desa, p.posyandu, p.rows, p.zscore, p.placeholder, p.label]),
    [],
    headerRow(lang, PER_ROW),
    ...r.items.map((i) => [
      i.line,
      i.name,
      i.posyandu,
      INDEX[i.indicator],
      say(lang, KIND[i.kind]),
      i.eppgbm,
      i.tumbuh,
    ]),
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
  const fileName = downloadName(lang, {
    what: words("rekonsiliasi", "reconciliation"),
    extra: [parsed.data.fileName.replace(/\.[^.]*$/, "")],
    ext: "csv",
  });
  return { fileName, csv: `\uFEFF${toCsv(rows)}` };
}
