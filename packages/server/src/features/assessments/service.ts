import {
  type Actor,
  ASSESSMENT_DEFAULT,
  AssessmentMethod,
  AssessmentMethodInput,
  type AssessmentView,
  hasPowerAt,
  isErrorReason,
  levelOfCode,
  nowIso,
  RankedUnitSchema,
  rankUnits,
  readScopes,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import { assessmentInputs } from "./inputs";
import {
  type AssessmentRow,
  deleteDrafts,
  findAssessment,
  insertAssessment,
  insertMethod,
  latestMethod,
  publish,
  storedAssessment,
} from "./repository";

type Db = Kysely<Database>;
const Results = z.object({ desa: z.array(RankedUnitSchema), kecamatan: z.array(RankedUnitSchema) });

/** The assessment belongs to a regency: the caller names it (or a region in it) and must be able to read it. */
async function regencyOf(db: Db, actor: Actor, code: string): Promise<string> {
  const regency = code.split(".").slice(0, 2).join(".");
  if (levelOfCode(regency) !== "kabupaten" || !(await findRegion(db, readScopes(actor), regency)))
    throw errors.notFound();
  return regency;
}

/** The regency's current method: its latest stored version, else the shipped default (core ASSESSMENT_DEFAULT). */
export async function currentMethod(db: Db, actor: Actor, region: string): Promise<AssessmentMethod> {
  const regency = await regencyOf(db, actor, region);
  const row = await latestMethod(db, regency);
  return row ? parseJsonColumn(AssessmentMethod, row.method_json) : ASSESSMENT_DEFAULT;
}

/**
 * A new version of the method (the regency's TPPS or admin: power reviewPlans at the regency); audited with
 * the method it replaces. Components are the known ones (core ASSESSMENT_COMPONENTS), weights add up to 100.
 */
export async function setMethod(db: Db, actor: Actor, region: string, method: AssessmentMethod) {
  const regency = await regencyOf(db, actor, region);
  if (!hasPowerAt(actor, "reviewPlans", regency)) throw errors.forbidden();
  const checked = AssessmentMethodInput.safeParse(method);
  if (!checked.success) {
    const issue = checked.error.issues[0] as { message?: string; params?: { reason?: unknown } } | undefined;
    const reason = issue?.params?.reason;
    throw errors.validation(
      "components",
      issue?.message ?? "components: invalid",
      isErrorReason(reason) ? reason : undefined,
    );
  }
  const parsed = checked.data;
  const before = await latestMethod(db, regency);
  const version = (before?.version ?? 0) + 1;
  const row = {
    id: uuidv7(),
    regency_code: regency,
    version,
    method_json: JSON.stringify(parsed),
    created_at: nowIso(),
    created_by: actor.userId,
  };
  try {
    await inTransaction(db, async (trx) => {
      await insertMethod(trx, row);
      await appendAudit(trx, actor, {
        action: "assessment.method",
        entity: "assessment_method",
        entityId: row.id,
        regionCode: regency,
        before: before ? parseJsonColumn(AssessmentMethod, before.method_json) : ASSESSMENT_DEFAULT,
        after: { version, method: parsed },
      });
    });
  } catch {
    throw errors.conflict("method: changed by someone else at the same time");
  }
  return parsed;
}

/** Scores and ranks every desa and kecamatan of the regency for the year by a method (nothing stored). */
export async function computeRanking(
  db: Db,
  actor: Actor,
  regency: string,
  year: number,
  method: AssessmentMethod,
) {
  const inputs = await assessmentInputs(db, actor, regency, year);
  return { desa: rankUnits(method, inputs.desa), kecamatan: rankUnits(method, inputs.kecamatan) };
}

function toView(row: AssessmentRow): AssessmentView {
  const results = parseJsonColumn(Results, row.results_json);
  return {
    id: row.id,
    regencyCode: row.regency_code,
    year: row.year,
    status: row.status as "draft" | "published",
    method: parseJsonColumn(AssessmentMethod, row.method_json),
    computedAt: row.computed_at,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    ...results,
  };
}

/**
 * The year's stored assessment (published first). Without one: `live` computes it now by the current
 * method (the CLI; a regency takes half a minute, so the web asks for a job instead), else status none.
 */
export async function assessmentOf(
  db: Db,
  actor: Actor,
  region: string,
  year: number,
  options: { live?: boolean } = {},
): Promise<AssessmentView> {
  const regency = await regencyOf(db, actor, region);
  const stored = await storedAssessment(db, regency, year);
  if (stored) return toView(stored);
  const method = await currentMethod(db, actor, regency);
  return {
    id: null,
    regencyCode: regency,
    year,
    status: options.live ? "live" : "none",
    method,
    computedAt: nowIso(),
    publishedAt: null,
    publishedBy: null,
    ...(options.live ? await computeRanking(db, actor, regency, year, method) : { desa: [], kecamatan: [] }),
  };
}

/** Checks who may compute before the job is queued (the job itself runs storeAssessment). */
export async function assertCanCompute(db: Db, actor: Actor, region: string): Promise<string> {
  const regency = await regencyOf(db, actor, region);
  if (!hasPowerAt(actor, "reviewPlans", regency)) throw errors.forbidden();
  return regency;
}

/** Store the year's scores as a draft (replacing an earlier draft) for the TPPS to confirm; audited. */
export async function storeAssessment(
  db: Db,
  actor: Actor,
  region: string,
  year: number,
): Promise<AssessmentView> {
  const regency = await regencyOf(db, actor, region);
  if (!hasPowerAt(actor, "reviewPlans", regency)) throw errors.forbidden();
  const existing = await storedAssessment(db, regency, year);
  if (existing?.status === "published") throw errors.conflict("year: the assessment is already published");
  const method = await currentMethod(db, actor, regency);
  const inputs = await assessmentInputs(db, actor, regency, year);
  const results = { desa: rankUnits(method, inputs.desa), kecamatan: rankUnits(method, inputs.kecamatan) };
  const row: AssessmentRow = {
    id: uuidv7(),
    regency_code: regency,
    year,
    status: "draft",
    method_json: JSON.stringify(method),
    results_json: JSON.stringify(results),
    computed_at: nowIso(),
    computed_by: actor.userId,
    published_at: null,
    published_by: null,
    achievements_json: JSON.stringify(inputs.achievements),
  };
  await inTransaction(db, async (trx) => {
    await deleteDrafts(trx, regency, year);
    await insertAssessment(trx, row);
    await appendAudit(trx, actor, {
      action: "assessment.compute",
      entity: "assessment",
      entityId: row.id,
      regionCode: regency,
      after: { year, desa: results.desa.length, kecamatan: results.kecamatan.length },
    });
  });
  return toView(row);
}

/** The TPPS confirms a draft: it becomes the year's published assessment (public page, award candidates). */
export async function publishAssessment(db: Db, actor: Actor, id: string): Promise<AssessmentView> {
  const row = await findAssessment(db, readScopes(actor), id);
  if (!row) throw errors.notFound();
  if (!hasPowerAt(actor, "reviewPlans", row.regency_code)) throw errors.forbidden();
  if (row.status !== "draft") throw errors.conflict("status: already published");
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await publish(trx, id, at, actor.userId);
    await appendAudit(trx, actor, {
      action: "assessment.publish",
      entity: "assessment",
      entityId: id,
      regionCode: row.regency_code,
      after: { year: row.year },
    });
  });
  return toView({ ...row, status: "published", published_at: at, published_by: actor.userId });
}

/** The year's published assessment of a regency, or null (public page, award candidates). */
export async function publishedAssessment(
  db: Db,
  regency: string,
  year: number,
): Promise<AssessmentView | null> {
  const row = await storedAssessment(db, regency, year);
  return row?.status === "published" ? toView(row) : null;
}

export { publicAchievements } from "./publication";
