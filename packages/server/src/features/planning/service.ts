import {
  type Actor,
  type CampaignInput,
  type CampaignView,
  type CycleDetail,
  type CycleKind,
  type CycleSettings,
  type CycleView,
  checkTransition,
  currentStage,
  cycleComplete,
  type FundingSource,
  findActivity,
  fundingAllowed,
  hasPowerAt,
  isLate,
  MeetingAttendeeSchema,
  type MeetingInput as MeetingSchema,
  type MeetingView,
  missingEvidence,
  type ProposalInput,
  type ProposalOutcome,
  type ProposalView,
  type Region,
  type ReviewInput,
  type ReviewView,
  type RolePowers,
  readScopes,
  SignatorySchema,
  STAGE_CODES,
  type StageCode,
  type StageStatus,
  type StageStatuses,
  type StageUpdate,
  StoredMeetingMappingSchema,
  stageDeadline,
  stagesOf,
  stuntingShare,
  TextListSchema,
  type TransitionRefusal,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database, PlanningProposalsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { AppError, errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import {
  approvedCycles,
  budgetsOfCycles,
  type CycleRow,
  campaignsOf,
  findCycle,
  findCycleOf,
  findProposal,
  meetingsOf,
  proposalsOf,
  reviewsOf,
  type StageRow,
  stagesOfCycles,
} from "./repository";
import { socialMappingOf } from "./social-mapping";

type Db = Kysely<Database>;

export function cycleKindOf(region: Region): CycleKind {
  return region.kind === "kelurahan" ? "kelurahan" : "desa";
}

/** A desa/kelurahan the actor may plan in: visible (else 404), with the power (else 403). */
async function guardedRegion(db: Db, actor: Actor, code: string, power: keyof RolePowers): Promise<Region> {
  const region = await findRegion(db, readScopes(actor), code);
  if (!region) throw errors.notFound();
  if (!hasPowerAt(actor, "write", code) || !hasPowerAt(actor, power, code)) throw errors.forbidden();
  return region;
}

async function guardedCycle(db: Db, actor: Actor, id: string, power: keyof RolePowers = "planVillage") {
  const cycle = await findCycle(db, readScopes(actor), id);
  if (!cycle) throw errors.notFound();
  await guardedRegion(db, actor, cycle.region_code, power);
  return cycle;
}

export function toCycleView(
  c: CycleRow,
  regionName: string,
  stages: readonly StageRow[],
  stuntingBudget: number,
  approved: boolean,
  today: string,
): CycleView {
  const kind = c.kind as CycleKind;
  const byCode = new Map(stages.map((s) => [s.stage, s]));
  const statuses: StageStatuses = {};
  for (const s of stages) statuses[s.stage as StageCode] = s.status as StageStatus;
  return {
    id: c.id,
    regionCode: c.region_code,
    regionName,
    kind,
    year: c.year,
    musyawarahDate: c.musyawarah_date,
    apbTotal: c.apb_total,
    stages: stagesOf(kind).map((rule) => {
      const row = byCode.get(rule.code);
      const status = (row?.status ?? "belum") as StageStatus;
      const deadline = stageDeadline(kind, c.year, rule.code, c.musyawarah_date);
      return {
        code: rule.code,
        status,
        optional: rule.optional,
        responsible: rule.responsible,
        outputs: rule.outputs,
        source: rule.source,
        deadline,
        late: isLate(status, deadline, today),
        startedOn: row?.started_on ?? null,
        finishedOn: row?.finished_on ?? null,
        note: row?.note ?? null,
        documents: row ? parseJsonColumn(TextListSchema, row.documents_json) : [],
      };
    }),
    currentStage: currentStage(kind, statuses),
    complete: cycleComplete(kind, statuses),
    approved,
    stuntingBudget,
    stuntingShare: stuntingShare(stuntingBudget, c.apb_total),
    revision: c.revision,
  };
}

export function toMeetingView(m: Awaited<ReturnType<typeof meetingsOf>>[number]): MeetingView {
  return {
    id: m.id,
    kind: m.kind as MeetingView["kind"],
    heldOn: m.held_on,
    place: m.place,
    attendanceCount: m.attendance_count,
    attendees: parseJsonColumn(z.array(MeetingAttendeeSchema), m.attendees_json),
    problems: parseJsonColumn(TextListSchema, m.problems_json),
    opportunities: parseJsonColumn(TextListSchema, m.opportunities_json),
    notes: m.notes,
    signatories: parseJsonColumn(z.array(SignatorySchema), m.signatories_json),
    mapping: m.mapping_json ? parseJsonColumn(StoredMeetingMappingSchema, m.mapping_json) : null,
  };
}

export function toProposalView(p: Awaited<ReturnType<typeof proposalsOf>>[number]): ProposalView {
  return {
    id: p.id,
    activityCode: p.activity_code,
    activitySource: findActivity(p.activity_code)?.source ?? null,
    title: p.title,
    targetGroup: p.target_group,
    package: p.package,
    location: p.location,
    volume: p.volume,
    unit: p.unit,
    cost: p.cost,
    fundingSource: p.funding_source,
    priority: p.priority,
    inPlan: p.in_plan === 1,
    budgetAmount: p.budget_amount,
    realisedAmount: p.realised_amount,
  };
}

export async function cycleDetail(db: Db, actor: Actor, id: string): Promise<CycleDetail> {
  const scopes = readScopes(actor);
  const c = await findCycle(db, scopes, id);
  if (!c) throw errors.notFound();
  const region = await findRegion(db, scopes, c.region_code);
  const [stages, budgets, approved, meetings, proposals, reviews, campaigns] = await Promise.all([
    stagesOfCycles(db, scopes, [c.id]),
    budgetsOfCycles(db, scopes, [c.id]),
    approvedCycles(db, scopes, [c.id]),
    meetingsOf(db, scopes, c.id),
    proposalsOf(db, scopes, c.id),
    reviewsOf(db, scopes, c.id),
    campaignsOf(db, scopes, c.id),
  ]);
  return {
    cycle: toCycleView(
      c,
      region?.name ?? c.region_code,
      stages,
      budgets.get(c.id) ?? 0,
      approved.has(c.id),
      todayIso(),
    ),
    meetings: meetings.map(toMeetingView),
    // Ranked first (1, 2, …), then the not yet ranked in the order they were proposed.
    proposals: proposals
      .map(toProposalView)
      .sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER)),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision as ReviewView["decision"],
      comment: r.comment,
      reviewerName: r.reviewer_name,
      at: r.at,
    })),
    campaigns: campaigns.map((k) => ({
      id: k.id,
      media: k.media as CampaignView["media"],
      heldOn: k.held_on,
      reach: k.reach,
      description: k.description,
    })),
  };
}

/** The cycle of a desa for a year, or null when it has not been started. */
export async function cycleOf(db: Db, actor: Actor, regionCode: string, year: number) {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const c = await findCycleOf(db, scopes, regionCode, year);
  return { region, kind: cycleKindOf(region), detail: c ? await cycleDetail(db, actor, c.id) : null };
}

export async function openCycle(
  db: Db,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<CycleDetail> {
  const region = await guardedRegion(db, actor, regionCode, "planVillage");
  if (region.level !== "desa")
    throw errors.validation("regionCode", "regionCode: the planning cycle belongs to a desa or kelurahan");
  const existing = await findCycleOf(db, readScopes(actor), regionCode, year);
  if (existing) return cycleDetail(db, actor, existing.id);
  const at = nowIso();
  const row = {
    id: uuidv7(),
    region_code: regionCode,
    kind: cycleKindOf(region),
    year,
    musyawarah_date: null,
    apb_total: null,
    created_at: at,
    updated_at: at,
    revision: 1,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_cycles").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.cycle.open",
      entity: "planning_cycle",
      entityId: row.id,
      regionCode,
      after: row,
    });
  });
  return cycleDetail(db, actor, row.id);
}

export async function updateCycleSettings(db: Db, actor: Actor, id: string, input: CycleSettings) {
  const c = await guardedCycle(db, actor, id);
  if (input.musyawarahDate && Number(input.musyawarahDate.slice(0, 4)) !== c.year)
    throw errors.validation("musyawarahDate", `musyawarahDate: must fall in the cycle's year ${c.year}`);
  const changes = {
    ...(input.musyawarahDate !== undefined ? { musyawarah_date: input.musyawarahDate } : {}),
    ...(input.apbTotal !== undefined ? { apb_total: input.apbTotal } : {}),
    updated_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("planning_cycles")
      .set((eb) => ({ ...changes, revision: eb("revision", "+", 1) }))
      .where("id", "=", id)
      .execute();
    await appendAudit(trx, actor, {
      action: "planning.cycle.settings",
      entity: "planning_cycle",
      entityId: id,
      regionCode: c.region_code,
      before: { musyawarah_date: c.musyawarah_date, apb_total: c.apb_total },
      after: changes,
    });
  });
  return cycleDetail(db, actor, id);
}

function refusalMessage(code: StageCode, to: StageStatus, r: TransitionRefusal): string {
  switch (r.reason) {
    case "waiting_for":
      return `status: ${code} cannot be ${to} before ${r.stages.join(", ")} is finished`;
    case "not_optional":
      return `status: ${code} is required and cannot be skipped`;
    case "later_stage_started":
      return `status: ${r.stages.join(", ")} already started after ${code}`;
    case "not_allowed":
      return `status: ${code} cannot go from ${r.from} to ${r.to}`;
    case "same_status":
      return `status: ${code} is already ${to}`;
    case "unknown_stage":
      return `stage: ${code} is not a stage of this cycle`;
  }
}

export async function updateStage(db: Db, actor: Actor, id: string, code: string, input: StageUpdate) {
  const c = await guardedCycle(db, actor, id);
  const scopes = readScopes(actor);
  const kind = c.kind as CycleKind;
  if (!(STAGE_CODES as readonly string[]).includes(code) || !stagesOf(kind).some((s) => s.code === code))
    throw errors.validation("stage", `stage: ${code} is not a stage of a ${kind} cycle`);
  const stage = code as StageCode;
  const rows = await stagesOfCycles(db, scopes, [id]);
  const statuses: StageStatuses = {};
  for (const s of rows) statuses[s.stage as StageCode] = s.status as StageStatus;
  const refusal = checkTransition(kind, statuses, stage, input.status);
  if (refusal) {
    if (refusal.reason === "unknown_stage")
      throw errors.validation("stage", refusalMessage(stage, input.status, refusal), "unknown_stage");
    throw new AppError(
      409,
      "stage_transition",
      refusalMessage(stage, input.status, refusal),
      "status",
      {},
      {
        reason: refusal.reason,
        params: { stage, status: input.status, ...("stages" in refusal && { stages: refusal.stages }) },
      },
    );
  }
  if (input.status === "selesai") {
    const [meetings, proposals, campaigns] = await Promise.all([
      meetingsOf(db, scopes, id),
      proposalsOf(db, scopes, id),
      campaignsOf(db, scopes, id),
    ]);
    const missing = missingEvidence(stage, {
      meetingKinds: meetings.map((m) => m.kind),
      rembukSignatorySides: meetings
        .filter((m) => m.kind === "rembuk")
        .flatMap((m) => parseJsonColumn(z.array(SignatorySchema), m.signatories_json).map((s) => s.side)),
      proposals: proposals.length,
      rankedProposals: proposals.filter((p) => p.priority !== null).length,
      campaigns: campaigns.length,
      proposalsInPlan: proposals.filter((p) => p.in_plan === 1).length,
      budgetRecorded:
        c.apb_total !== null && proposals.some((p) => p.in_plan === 1 && p.budget_amount !== null),
    });
    if (missing.length > 0)
      throw new AppError(
        409,
        "stage_evidence",
        `status: ${stage} needs first: ${missing.join(", ")}`,
        "status",
        {},
        { reason: "missing_evidence", params: { stage, missing } },
      );
  }
  const before = rows.find((r) => r.stage === stage);
  const today = todayIso();
  const at = nowIso();
  const next = {
    cycle_id: id,
    region_code: c.region_code,
    stage,
    status: input.status,
    started_on:
      input.status === "belum" || input.status === "dilewati" ? null : (before?.started_on ?? today),
    finished_on: input.status === "selesai" ? today : null,
    note: input.note !== undefined ? (input.note ?? null) : (before?.note ?? null),
    documents_json: JSON.stringify(
      input.documents ?? (before ? parseJsonColumn(TextListSchema, before.documents_json) : []),
    ),
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    if (before)
      await trx
        .updateTable("planning_stages")
        .set(next)
        .where("cycle_id", "=", id)
        .where("stage", "=", stage)
        .execute();
    else await trx.insertInto("planning_stages").values(next).execute();
    await trx
      .updateTable("planning_cycles")
      .set((eb) => ({ updated_at: at, revision: eb("revision", "+", 1) }))
      .where("id", "=", id)
      .execute();
    await appendAudit(trx, actor, {
      action: "planning.stage",
      entity: "planning_cycle",
      entityId: id,
      regionCode: c.region_code,
      before: before ?? null,
      after: next,
    });
  });
  return cycleDetail(db, actor, id);
}

export async function addMeeting(db: Db, actor: Actor, id: string, input: z.output<typeof MeetingSchema>) {
  const c = await guardedCycle(db, actor, id);
  if (input.heldOn > todayIso()) throw errors.validation("heldOn", "heldOn: is in the future");
  // The meeting keeps the social-mapping figures it looked at, so its minutes stay readable later.
  const needsMapping = ["pemetaan_sosial", "fgd_desa", "fgd_antar_desa", "rembuk"].includes(input.kind);
  const mapping = needsMapping ? await socialMappingOf(db, actor, c.region_code, input.heldOn) : null;
  const row = {
    id: uuidv7(),
    cycle_id: id,
    region_code: c.region_code,
    kind: input.kind,
    held_on: input.heldOn,
    place: input.place,
    attendance_count: input.attendanceCount,
    attendees_json: JSON.stringify(input.attendees),
    problems_json: JSON.stringify(input.problems),
    opportunities_json: JSON.stringify(input.opportunities),
    notes: input.notes ?? null,
    signatories_json: JSON.stringify(input.signatories),
    mapping_json: mapping ? JSON.stringify(mapping.total) : null,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_meetings").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.meeting.create",
      entity: "planning_meeting",
      entityId: row.id,
      regionCode: c.region_code,
      after: row,
    });
  });
  return toMeetingView(row);
}

export async function addProposal(
  db: Db,
  actor: Actor,
  id: string,
  input: ProposalInput,
): Promise<ProposalView> {
  const c = await guardedCycle(db, actor, id);
  if (!findActivity(input.activityCode))
    throw errors.validation(
      "activityCode",
      `activityCode: ${input.activityCode} is not in the activity catalogs`,
    );
  if (!fundingAllowed(c.kind as CycleKind, input.fundingSource as FundingSource))
    throw errors.validation(
      "fundingSource",
      "fundingSource: a kelurahan is funded from the APBD or other lawful sources (Paser Pasal 27(2–3))",
    );
  const at = nowIso();
  const row: PlanningProposalsTable = {
    id: uuidv7(),
    cycle_id: id,
    region_code: c.region_code,
    activity_code: input.activityCode,
    title: input.title,
    target_group: input.targetGroup,
    package: input.package,
    location: input.location,
    volume: input.volume,
    unit: input.unit,
    cost: input.cost,
    funding_source: input.fundingSource,
    priority: null,
    in_plan: 0,
    budget_amount: null,
    realised_amount: null,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_proposals").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.proposal.create",
      entity: "planning_proposal",
      entityId: row.id,
      regionCode: c.region_code,
      after: row,
    });
  });
  return toProposalView(row);
}

/** The priority order agreed at the rembuk (PALI Pasal 12(3) b): every proposal of the cycle, once. */
export async function rankProposals(db: Db, actor: Actor, id: string, order: string[]) {
  const c = await guardedCycle(db, actor, id);
  const proposals = await proposalsOf(db, readScopes(actor), id);
  const ids = new Set(proposals.map((p) => p.id));
  if (new Set(order).size !== order.length)
    throw errors.validation("order", "order: a proposal appears twice");
  if (order.length !== ids.size || order.some((o) => !ids.has(o)))
    throw errors.validation("order", "order: must list every proposal of this cycle exactly once");
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    for (const [i, pid] of order.entries())
      await trx
        .updateTable("planning_proposals")
        .set({ priority: i + 1, updated_at: at })
        .where("id", "=", pid)
        .execute();
    await appendAudit(trx, actor, {
      action: "planning.proposal.rank",
      entity: "planning_cycle",
      entityId: id,
      regionCode: c.region_code,
      before: proposals.map((p) => [p.id, p.priority]),
      after: order,
    });
  });
  return cycleDetail(db, actor, id);
}

export async function setProposalOutcome(db: Db, actor: Actor, proposalId: string, input: ProposalOutcome) {
  const p = await findProposal(db, readScopes(actor), proposalId);
  if (!p) throw errors.notFound();
  await guardedCycle(db, actor, p.cycle_id);
  if (!input.inPlan && (input.budgetAmount ?? null) !== null)
    throw errors.validation("budgetAmount", "budgetAmount: only a proposal taken into the plan has a budget");
  if ((input.realisedAmount ?? null) !== null && (input.budgetAmount ?? p.budget_amount) === null)
    throw errors.validation("realisedAmount", "realisedAmount: record the budgeted amount first");
  const changes = {
    in_plan: input.inPlan ? 1 : 0,
    budget_amount: input.budgetAmount === undefined ? p.budget_amount : input.budgetAmount,
    realised_amount: input.realisedAmount === undefined ? p.realised_amount : input.realisedAmount,
    updated_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.updateTable("planning_proposals").set(changes).where("id", "=", proposalId).execute();
    await appendAudit(trx, actor, {
      action: "planning.proposal.outcome",
      entity: "planning_proposal",
      entityId: proposalId,
      regionCode: p.region_code,
      before: { in_plan: p.in_plan, budget_amount: p.budget_amount, realised_amount: p.realised_amount },
      after: changes,
    });
  });
  return toProposalView({ ...p, ...changes });
}

/** Kecamatan review of a village plan (Paser Pasal 18 b): comment, ask for changes, or approve. */
export async function addReview(db: Db, actor: Actor, id: string, input: z.infer<typeof ReviewInput>) {
  const c = await guardedCycle(db, actor, id, "reviewPlans");
  if (input.decision === "setuju") {
    const stages = await stagesOfCycles(db, readScopes(actor), [id]);
    if (!stages.some((s) => s.stage === "rembuk" && s.status === "selesai"))
      throw errors.conflict(
        "decision: a plan can be approved once its rembuk stunting is finished",
        "decision",
      );
  }
  const row = {
    id: uuidv7(),
    cycle_id: id,
    region_code: c.region_code,
    decision: input.decision,
    comment: input.comment,
    reviewer_name: actor.displayName,
    at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_reviews").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.review",
      entity: "planning_cycle",
      entityId: id,
      regionCode: c.region_code,
      after: row,
    });
  });
  return cycleDetail(db, actor, id);
}

export async function addCampaign(db: Db, actor: Actor, id: string, input: z.infer<typeof CampaignInput>) {
  const c = await guardedCycle(db, actor, id);
  if (input.heldOn > todayIso()) throw errors.validation("heldOn", "heldOn: is in the future");
  const row = {
    id: uuidv7(),
    cycle_id: id,
    region_code: c.region_code,
    media: input.media,
    held_on: input.heldOn,
    reach: input.reach,
    description: input.description,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_campaigns").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.campaign.create",
      entity: "planning_campaign",
      entityId: row.id,
      regionCode: c.region_code,
      after: row,
    });
  });
  return cycleDetail(db, actor, id);
}

// What other features read of planning: the per-village overview (stage status, APB Desa stunting share).
export { planningOverview } from "./overview";
// Recent kecamatan reviews, for the inbox.
export { recentPlanReviews } from "./repository";
