import {
  type Actor,
  type CreateReportInput,
  type DueRow,
  hasPowerAt,
  type Level,
  levelOfCode,
  NarrativeSchema,
  parentCode,
  periodKind,
  REPORT_KINDS,
  ReportFiguresSchema,
  type ReportKind,
  type ReportList,
  type ReportStatus,
  type ReportSummary,
  type ReportView,
  readScopes,
  reportDueOn,
  SignatureSchema,
  todayIso,
  type UpdateReportInput,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, words } from "../../documents/words";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import type { JobRunner } from "../jobs/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import { kindsOwedAt, owedReports, reportingChildren } from "./due";
import { assembleFigures } from "./figures";
import {
  documentOf,
  documentsOf,
  findReport,
  insertReport,
  issuedUnder,
  type ReportRow,
  reportsOfRegion,
  reportsSentTo,
  updateReport as updateRow,
  versionsOf,
} from "./repository";
import type { ReportsTable } from "./schema";

type Db = Kysely<Database>;
const Signatures = z.array(SignatureSchema);

/** Desa reports are the village's (power planVillage); kecamatan and regency ones their TPPS's (reviewPlans). */
function canWrite(actor: Actor, level: string, code: string): boolean {
  return hasPowerAt(actor, level === "desa" ? "planVillage" : "reviewPlans", code);
}

/** Where an issued report goes (core REPORT_KINDS recipient). */
function recipientOf(kind: ReportKind, regionCode: string): string | null {
  switch (REPORT_KINDS[kind].recipient) {
    case "parent":
      return parentCode(regionCode);
    case "regency":
      return regionCode.split(".").slice(0, 2).join(".");
    case "external":
      return null;
  }
}

async function readableRegion(db: Db, actor: Actor, code: string) {
  const region = await findRegion(db, readScopes(actor), code);
  if (!region) throw errors.notFound();
  return region;
}

async function mustFind(db: Db, actor: Actor, id: string): Promise<ReportRow> {
  const row = await findReport(db, readScopes(actor), id);
  if (!row) throw errors.notFound();
  return row;
}

function summaryOf(
  row: ReportRow,
  names: Map<string, string>,
  latest: number,
  docs: Set<string>,
): ReportSummary {
  return {
    id: row.id,
    kind: row.kind as ReportKind,
    regionCode: row.region_code,
    regionName: names.get(row.region_code) ?? row.region_code,
    period: row.period,
    version: row.version,
    status: row.status as ReportStatus,
    superseded: row.version < latest,
    dueOn: row.due_on,
    issuedAt: row.issued_at,
    acknowledgedAt: row.acknowledged_at,
    documents: docs.has(row.id),
  };
}

async function namesOf(db: Db, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
  return new Map((await findRegionsByCode(db, wanted)).map((r) => [r.code, r.name]));
}

/** The full view of one report version, with its siblings and what the caller may do with it. */
export async function reportView(db: Db, actor: Actor, row: ReportRow): Promise<ReportView> {
  const versions = await versionsOf(db, row.kind, row.region_code, row.period);
  const latest = versions.at(-1)?.version ?? row.version;
  const names = await namesOf(db, [row.region_code, row.recipient_code]);
  const docs = await documentsOf(
    db,
    versions.map((v) => v.id),
  );
  const writer = canWrite(actor, levelOfCode(row.region_code) ?? "desa", row.region_code);
  const isLatest = row.version === latest;
  return {
    ...summaryOf(row, names, latest, docs),
    recipientCode: row.recipient_code,
    recipientName: row.recipient_code ? (names.get(row.recipient_code) ?? null) : null,
    narrative: parseJsonColumn(NarrativeSchema, row.narrative_json),
    signatures: parseJsonColumn(Signatures, row.signatures_json),
    figures: parseJsonColumn(ReportFiguresSchema, row.figures_json),
    issuedBy: row.issued_by,
    acknowledgedBy: row.acknowledged_by,
    acknowledgeNote: row.acknowledge_note,
    versions: versions.map((v) => summaryOf(v, names, latest, docs)),
    can: {
      edit: writer && row.status === "draft",
      issue: writer && row.status === "draft",
      acknowledge:
        row.status === "issued" &&
        row.recipient_code !== null &&
        hasPowerAt(actor, "reviewPlans", row.recipient_code) &&
        row.issued_by !== actor.userId,
      correct: writer && row.status !== "draft" && isLatest,
    },
  };
}

export async function getReport(db: Db, actor: Actor, id: string): Promise<ReportView> {
  return reportView(db, actor, await mustFind(db, actor, id));
}

/**
 * A draft of this kind for the region and period, its figures assembled now; when the latest version is
 * already a draft, that one (opening the same report twice makes no second draft). An issued report is
 * changed by correcting it (a new version), not by a new draft.
 */
export async function createReport(db: Db, actor: Actor, input: CreateReportInput): Promise<ReportView> {
  const region = await readableRegion(db, actor, input.regionCode);
  const def = REPORT_KINDS[input.kind];
  if (!def.levels.includes(region.level as Level))
    throw errors.validation("kind", `kind: ${input.kind} is not written at the ${region.level} level`);
  if (periodKind(input.period) !== def.period)
    throw errors.validation("period", `period: ${input.kind} is a ${def.period} report`);
  if (!canWrite(actor, region.level, region.code)) throw errors.forbidden();
  const versions = await versionsOf(db, input.kind, region.code, input.period);
  const latest = versions.at(-1);
  if (latest?.status === "draft") return reportView(db, actor, latest);
  if (latest) throw errors.reportState("already issued: correct it to make a new version");
  const figures = await assembleFigures(db, actor, input.kind, region, input.period);
  const now = nowIso();
  const row: ReportsTable = {
    id: uuidv7(),
    kind: input.kind,
    region_code: region.code,
    period: input.period,
    version: 1,
    status: "draft",
    recipient_code: recipientOf(input.kind, region.code),
    due_on: reportDueOn(input.kind, input.period),
    narrative_json: "{}",
    signatures_json: JSON.stringify(def.signatories.map((s) => ({ position: s.position, name: "" }))),
    figures_json: JSON.stringify(figures),
    supersedes: null,
    created_at: now,
    created_by: actor.userId,
    updated_at: now,
    issued_at: null,
    issued_by: null,
    acknowledged_at: null,
    acknowledged_by: null,
    acknowledge_note: null,
  };
  try {
    await inTransaction(db, async (trx) => {
      await insertReport(trx, row);
      await appendAudit(trx, actor, {
        action: "report.create",
        entity: "report",
        entityId: row.id,
        regionCode: row.region_code,
        after: { kind: row.kind, period: row.period, version: row.version },
      });
    });
  } catch (e) {
    // Two people opening the same report at once: the unique (kind, region, period, version) decides.
    const again = (await versionsOf(db, input.kind, region.code, input.period)).at(-1);
    if (again?.status === "draft") return reportView(db, actor, again);
    throw e;
  }
  return reportView(db, actor, row);
}

async function mustDraft(db: Db, actor: Actor, id: string): Promise<ReportRow> {
  const row = await mustFind(db, actor, id);
  const level = (await readableRegion(db, actor, row.region_code)).level;
  if (!canWrite(actor, level, row.region_code)) throw errors.forbidden();
  if (row.status !== "draft") throw errors.reportState("only a draft can change");
  return row;
}

/** Narrative, signatures, or fresh figures for a draft; audited. */
export async function updateReport(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateReportInput,
): Promise<ReportView> {
  const row = await mustDraft(db, actor, id);
  const changes: Partial<ReportsTable> = { updated_at: nowIso() };
  if (input.narrative) {
    const before = parseJsonColumn(NarrativeSchema, row.narrative_json);
    changes.narrative_json = JSON.stringify({ ...before, ...input.narrative });
  }
  if (input.signatures) changes.signatures_json = JSON.stringify(input.signatures);
  if (input.refresh) {
    const region = await readableRegion(db, actor, row.region_code);
    changes.figures_json = JSON.stringify(
      await assembleFigures(db, actor, row.kind as ReportKind, region, row.period),
    );
  }
  await inTransaction(db, async (trx) => {
    await updateRow(trx, id, changes);
    await appendAudit(trx, actor, {
      action: "report.update",
      entity: "report",
      entityId: id,
      regionCode: row.region_code,
      after: { narrative: input.narrative, signatures: input.signatures, refresh: input.refresh ?? false },
    });
  });
  return getReport(db, actor, id);
}

/**
 * Issue a draft: its figures are frozen as they stand (what the signatories saw; never recomputed after
 * this), it reaches the recipient's inbox, and the PDF and XLSX are rendered once by a background job.
 */
export async function issueReport(
  db: Db,
  jobs: JobRunner,
  actor: Actor,
  id: string,
): Promise<ReportView & { jobId: string }> {
  const row = await mustDraft(db, actor, id);
  const signatures = parseJsonColumn(Signatures, row.signatures_json);
  const unsigned = signatures.findIndex((s) => s.name.trim() === "");
  if (signatures.length === 0 || unsigned >= 0)
    throw errors.validation(`signatures`, "signatures: every signatory needs a name before issuing");
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await updateRow(trx, id, { status: "issued", issued_at: now, issued_by: actor.userId, updated_at: now });
    await appendAudit(trx, actor, {
      action: "report.issue",
      entity: "report",
      entityId: id,
      regionCode: row.region_code,
      after: { kind: row.kind, period: row.period, version: row.version, recipient: row.recipient_code },
    });
  });
  const jobId = await jobs.submit({ kind: "reports.render", input: { id }, actor, region: row.region_code });
  return { ...(await getReport(db, actor, id)), jobId };
}

/** The level above confirms it received and read an issued report (Paser Pasal 18 f–h, 45(2)). */
export async function acknowledgeReport(
  db: Db,
  actor: Actor,
  id: string,
  note?: string,
): Promise<ReportView> {
  const row = await mustFind(db, actor, id);
  if (row.recipient_code === null || !hasPowerAt(actor, "reviewPlans", row.recipient_code))
    throw errors.forbidden();
  if (row.status !== "issued") throw errors.reportState("only an issued report can be acknowledged");
  if (row.issued_by === actor.userId) throw errors.forbidden();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await updateRow(trx, id, {
      status: "acknowledged",
      acknowledged_at: now,
      acknowledged_by: actor.userId,
      acknowledge_note: note ?? null,
      updated_at: now,
    });
    await appendAudit(trx, actor, {
      action: "report.acknowledge",
      entity: "report",
      entityId: id,
      regionCode: row.region_code,
      after: { note: note ?? null },
    });
  });
  return getReport(db, actor, id);
}

/**
 * Correct an issued report: a new draft version with the same narrative and signatories and figures
 * assembled again now; the issued version stays as it was, readable and downloadable.
 */
export async function correctReport(db: Db, actor: Actor, id: string): Promise<ReportView> {
  const row = await mustFind(db, actor, id);
  const region = await readableRegion(db, actor, row.region_code);
  if (!canWrite(actor, region.level, row.region_code)) throw errors.forbidden();
  const latest = (await versionsOf(db, row.kind, row.region_code, row.period)).at(-1);
  if (row.status === "draft" || latest?.id !== row.id)
    throw errors.reportState("only the latest issued version can be corrected");
  const now = nowIso();
  const next: ReportsTable = {
    ...row,
    id: uuidv7(),
    version: row.version + 1,
    status: "draft",
    figures_json: JSON.stringify(
      await assembleFigures(db, actor, row.kind as ReportKind, region, row.period),
    ),
    supersedes: row.id,
    created_at: now,
    created_by: actor.userId,
    updated_at: now,
    issued_at: null,
    issued_by: null,
    acknowledged_at: null,
    acknowledged_by: null,
    acknowledge_note: null,
  };
  try {
    await inTransaction(db, async (trx) => {
      await insertReport(trx, next);
      await appendAudit(trx, actor, {
        action: "report.correct",
        entity: "report",
        entityId: next.id,
        regionCode: next.region_code,
        after: { supersedes: row.id, version: next.version },
      });
    });
  } catch {
    throw errors.reportState("this version was corrected already");
  }
  return reportView(db, actor, next);
}

/** An issued report's document, as rendered when it was issued; every download is audited. */
export async function reportDocument(
  db: Db,
  actor: Actor,
  id: string,
  format: "pdf" | "xlsx",
  lang: DocLanguage = "id",
): Promise<{ body: Buffer; fileName: string }> {
  const row = await mustFind(db, actor, id);
  if (row.status === "draft") throw errors.reportState("a draft has no document yet; issue it first");
  const body = await documentOf(db, id, format);
  if (!body) throw errors.reportRendering();
  await appendAudit(db, actor, {
    action: "report.download",
    entity: "report",
    entityId: id,
    regionCode: row.region_code,
    after: { format },
  });
  const [place] = await findRegionsByCode(db, [row.region_code]);
  const fileName = downloadName(lang, {
    what: words(`laporan-${row.kind}`, `report-${row.kind}`),
    place: place ?? null,
    period: row.period,
    extra: [`v${row.version}`],
    ext: format,
  });
  return { body, fileName };
}

/**
 * A region's page: its own reports, the reports sent to it, and per child region and kind the latest
 * ended periods with whether the report came, is overdue, or not due yet (the level above's dashboard).
 */
export async function reportList(
  db: Db,
  actor: Actor,
  regionCode: string,
  today = todayIso(),
): Promise<ReportList> {
  const scopes = readScopes(actor);
  const region = await readableRegion(db, actor, regionCode);
  const own = await reportsOfRegion(db, scopes, region.code, 200);
  const inbox = await reportsSentTo(db, scopes, region.code, 200);
  const children = await reportingChildren(db, region.code);
  const due = await owedReports(db, children, (level) => kindsOwedAt(level, true), today);
  const names = await namesOf(db, [region.code, ...inbox.map((r) => r.region_code)]);
  const docs = await documentsOf(
    db,
    [...own, ...inbox].map((r) => r.id),
  );
  const latestVersion = (rows: ReportRow[]) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = `${r.kind}|${r.region_code}|${r.period}`;
      m.set(k, Math.max(m.get(k) ?? 0, r.version));
    }
    return (r: ReportRow) => m.get(`${r.kind}|${r.region_code}|${r.period}`) ?? r.version;
  };
  const ownLatest = latestVersion(own);
  const inboxLatest = latestVersion(inbox);
  return {
    regionCode: region.code,
    regionName: region.name,
    own: own.map((r) => summaryOf(r, names, ownLatest(r), docs)),
    inbox: inbox.map((r) => summaryOf(r, names, inboxLatest(r), docs)),
    due,
  };
}

/** The figures a report of this kind would carry now (nothing stored): the CLI's JSON and PDF. */
export async function liveReport(db: Db, actor: Actor, input: CreateReportInput): Promise<ReportView> {
  const region = await readableRegion(db, actor, input.regionCode);
  const def = REPORT_KINDS[input.kind];
  if (!def.levels.includes(region.level as Level))
    throw errors.validation("kind", `kind: ${input.kind} is not written at the ${region.level} level`);
  const figures = await assembleFigures(db, actor, input.kind, region, input.period);
  const recipient = recipientOf(input.kind, region.code);
  const names = await namesOf(db, [recipient]);
  const summary: ReportSummary = {
    id: "",
    kind: input.kind,
    regionCode: region.code,
    regionName: region.name,
    period: input.period,
    version: 0,
    status: "draft",
    superseded: false,
    dueOn: reportDueOn(input.kind, input.period),
    issuedAt: null,
    acknowledgedAt: null,
    documents: false,
  };
  return {
    ...summary,
    recipientCode: recipient,
    recipientName: recipient ? (names.get(recipient) ?? null) : null,
    narrative: {},
    signatures: def.signatories.map((s) => ({ position: s.position, name: "" })),
    figures,
    issuedBy: null,
    acknowledgedBy: null,
    acknowledgeNote: null,
    versions: [],
    can: { edit: false, issue: false, acknowledge: false, correct: false },
  };
}

// What other features and the CLI use: the live assembly and the rendered documents.
export { reportPdf } from "./render-pdf";
export { reportXlsx } from "./render-xlsx";

/** Issued reports of a region and everything under it (for the assessment's "reports on time"). */
export async function issuedReportsOf(db: Db, regionCode: string) {
  return (await issuedUnder(db, regionCode)).map((r) => ({
    kind: r.kind,
    regionCode: r.region_code,
    period: r.period,
    issuedAt: r.issued_at ?? "",
  }));
}

/**
 * What a region owes and what the level below owes it, for the inbox (issued ones left out): its own
 * reports of the latest ended periods not issued yet (due or overdue), and its children's overdue ones.
 */
export async function reportsOwed(
  db: Db,
  actor: Actor,
  regionCode: string,
  today = todayIso(),
): Promise<{ region: { code: string; name: string; level: string }; own: DueRow[]; below: DueRow[] }> {
  const region = await readableRegion(db, actor, regionCode);
  const own = canWrite(actor, region.level, region.code)
    ? await owedReports(db, [region], (level) => kindsOwedAt(level, false), today)
    : [];
  const below = hasPowerAt(actor, "reviewPlans", region.code)
    ? await owedReports(
        db,
        await reportingChildren(db, region.code),
        (level) => kindsOwedAt(level, true),
        today,
      )
    : [];
  return {
    region: { code: region.code, name: region.name, level: region.level },
    own: own.filter((d) => d.state === "overdue" || d.state === "not_due"),
    below: below.filter((d) => d.state === "overdue"),
  };
}
