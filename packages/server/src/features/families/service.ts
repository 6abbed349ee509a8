import {
  type Actor,
  evaluateFamilyRisk,
  type FamilyList,
  FamilyRiskResultSchema,
  type FamilyScreeningInput,
  type FamilyScreeningView,
  type FamilyVerifyInput,
  type FamilyView,
  mergeFamilyFacts,
  type RecordVoidInput,
  readScopes,
  semesterOf,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { parseJsonColumn } from "../../db/json-column";
import type { Database, FamilyScreeningsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit, voidAudited } from "../audit/service";
import { findHousehold } from "../households/service";
import { writableRegion } from "../region-guard";
import { findRegion } from "../regions/service";
import {
  findScreening,
  insertScreening,
  markScreeningVoided,
  registryFamilyFacts,
  screeningIdTaken,
  screeningsInRegion,
  screeningsOfHousehold,
  toScreeningView,
  unscreenedHouseholds,
} from "./repository";

const FAMILY_LEVELS = ["desa", "dusun", "posyandu"] as const;

/** A household as a family: registry facts (the form's prefill), their evaluation, and every screening. */
export async function viewFamily(
  db: Kysely<Database>,
  actor: Actor,
  householdId: string,
): Promise<FamilyView> {
  const scopes = readScopes(actor);
  const h = await findHousehold(db, scopes, householdId);
  if (!h) throw errors.notFound();
  const today = todayIso();
  const registryFacts = await registryFamilyFacts(db, scopes, h, today);
  const merged = mergeFamilyFacts(registryFacts, {});
  return {
    household: { id: h.id, regionCode: h.region_code, headName: h.head_name, address: h.address, rt: h.rt },
    registryFacts,
    registryEvaluation: evaluateFamilyRisk(merged.facts, today, merged.sources),
    screenings: (await screeningsOfHousehold(db, scopes, h.id)).map(toScreeningView),
  };
}

/**
 * Records a family screening (Paser Pasal 13(1)): registry facts as of the screening date, overridden by
 * what the screener observed, evaluated by the cited rules. Appends; the client's id makes a replay a no-op.
 */
export async function recordFamilyScreening(
  db: Kysely<Database>,
  actor: Actor,
  input: FamilyScreeningInput,
): Promise<FamilyScreeningView> {
  const scopes = readScopes(actor);
  const taken = await screeningIdTaken(db, input.id);
  if (taken) {
    const existing = await findScreening(db, scopes, input.id);
    if (!existing) throw errors.notFound();
    return toScreeningView(existing);
  }
  const h = await findHousehold(db, scopes, input.householdId);
  if (!h) throw errors.notFound();
  await writableRegion(db, actor, h.region_code, FAMILY_LEVELS);
  if (input.screenedOn > todayIso()) throw errors.validation("screenedOn", "screenedOn: is in the future");
  const registry = await registryFamilyFacts(db, scopes, h, input.screenedOn);
  const { facts, sources } = mergeFamilyFacts(registry, input.observed);
  const evaluation = evaluateFamilyRisk(facts, input.screenedOn, sources);
  const at = nowIso();
  const row: FamilyScreeningsTable = {
    id: input.id,
    region_code: h.region_code,
    household_id: h.id,
    semester: semesterOf(input.screenedOn),
    screened_on: input.screenedOn,
    observed_json: JSON.stringify(input.observed),
    facts_json: JSON.stringify(facts),
    sources_json: JSON.stringify(sources),
    at_risk: evaluation.atRisk ? 1 : 0,
    reasons_json: JSON.stringify(evaluation),
    note: input.note ?? null,
    verify_result: null,
    verify_note: null,
    verified_at: null,
    verified_by: null,
    created_at: at,
    created_by: actor.username,
  };
  await inTransaction(db, async (trx) => {
    await insertScreening(trx, row);
    await appendAudit(trx, actor, {
      action: "family_screening.create",
      entity: "family_screening",
      entityId: row.id,
      regionCode: row.region_code,
      after: { householdId: h.id, observed: input.observed, atRisk: evaluation.atRisk },
    });
  });
  return toScreeningView(row);
}

/**
 * The semester's verification step (Verval): someone other than the screener confirms the data match the
 * family ("sesuai") or not. Once verified it stays; the same verification again is a no-op.
 */
export async function verifyFamilyScreening(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: FamilyVerifyInput,
): Promise<FamilyScreeningView> {
  const s = await findScreening(db, readScopes(actor), id);
  if (!s) throw errors.notFound();
  await writableRegion(db, actor, s.region_code, FAMILY_LEVELS);
  if (s.voided_at) throw errors.voided();
  if (s.verified_at) {
    if (s.verify_result === input.result) return toScreeningView(s);
    throw errors.conflict("This screening is already verified.", "result");
  }
  if (s.created_by === actor.username)
    throw errors.validation("result", "result: the screener cannot verify their own screening");
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("family_screenings")
      .set({
        verify_result: input.result,
        verify_note: input.note ?? null,
        verified_at: at,
        verified_by: actor.username,
      })
      .where("id", "=", id)
      .where("verified_at", "is", null)
      .execute();
    await appendAudit(trx, actor, {
      action: "family_screening.verify",
      entity: "family_screening",
      entityId: id,
      regionCode: s.region_code,
      after: input,
    });
  });
  const after = await findScreening(db, [""], id);
  return toScreeningView(after ?? s);
}

/**
 * Void a screening recorded by mistake (wrong household, wrong answers), with a reason (issue 17): kept,
 * audited, shown struck in the family's history; the family list, its risk status, the "families at
 * risk accompanied" figure and the social mapping no longer count it (the household is unscreened again
 * unless another screening of the semester stands). Voiding it again is a no-op (a phone may resend).
 */
export async function voidFamilyScreening(
  db: Kysely<Database>,
  actor: Actor,
  input: RecordVoidInput,
): Promise<FamilyScreeningView> {
  const s = await findScreening(db, readScopes(actor), input.id);
  if (!s) throw errors.notFound();
  await writableRegion(db, actor, s.region_code, FAMILY_LEVELS);
  if (s.voided_at) return toScreeningView(s);
  const before = { atRisk: s.at_risk === 1, screenedOn: s.screened_on, verifyResult: s.verify_result };
  const what = { action: "family_screening.void", entity: "family_screening", before, reason: input.reason };
  const at = await voidAudited(db, actor, s, what, (trx, at) =>
    markScreeningVoided(trx, s.id, actor.userId, input.reason, at),
  );
  return toScreeningView({ ...s, voided_at: at, voided_by: actor.userId, void_reason: input.reason });
}

/** Families screened in a region this semester: the latest screening per household, at-risk first. */
export async function listFamilies(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  semester: string,
): Promise<FamilyList> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const rows = await screeningsInRegion(db, scopes, regionCode, semester);
  const seen = new Set<string>();
  // rows come newest first: the first row of a household is its latest screening
  const latest = rows.filter((r) => {
    if (seen.has(r.household_id)) return false;
    seen.add(r.household_id);
    return true;
  });
  const out = latest.map((r) => {
    const ev = parseJsonColumn(FamilyRiskResultSchema, r.reasons_json);
    return {
      householdId: r.household_id,
      headName: r.head_name,
      address: r.address,
      regionCode: r.region_code,
      screeningId: r.id,
      screenedOn: r.screened_on,
      atRisk: r.at_risk === 1,
      reasons: ev.riskReasons.map((x) => ({ ruleId: x.ruleId, label: x.label })),
      verified: r.verified_at !== null,
    };
  });
  out.sort(
    (a, b) => Number(b.atRisk) - Number(a.atRisk) || (a.headName ?? "").localeCompare(b.headName ?? ""),
  );
  const unscreened = (await unscreenedHouseholds(db, scopes, regionCode, semester, 300)).map((h) => ({
    householdId: h.id,
    headName: h.head_name,
    address: h.address,
  }));
  return {
    semester,
    screened: out.length,
    atRisk: out.filter((r) => r.atRisk).length,
    rows: out,
    unscreened,
  };
}
