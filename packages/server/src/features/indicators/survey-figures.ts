import {
  type Actor,
  isWithin,
  type Role,
  readScopes,
  type Survey,
  type SurveyFigureInput,
  type SurveyFigureView,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import type { SurveyFiguresTable } from "./schema";

/**
 * Survey prevalence beside the registry's (Paser Pasal 6(2): "target … berdasarkan hasil survei"): entered
 * per regency (or province) and year by the regency's admin or TPPS, audited; read by whoever may read the
 * region, and by the public page (aggregates of a whole regency, nothing personal).
 */
const ENTERING_ROLES: readonly Role[] = ["admin_kabupaten", "tpps_kabupaten"];

function toView(r: SurveyFiguresTable): SurveyFigureView {
  return {
    id: r.id,
    regionCode: r.region_code,
    year: r.year,
    survey: r.survey as Survey,
    value: r.value,
    ciLower: r.ci_lower,
    ciUpper: r.ci_upper,
    source: r.source,
    enteredAt: r.entered_at,
    enteredBy: r.entered_by,
  };
}

/** The survey figures of regions `codes` (a regency and its parents), newest year first. */
export async function surveyFiguresOf(
  db: Kysely<Database>,
  codes: readonly string[],
  years?: readonly number[],
): Promise<SurveyFigureView[]> {
  if (codes.length === 0) return [];
  let q = db
    .selectFrom("survey_figures")
    .selectAll()
    .where("region_code", "in", [...codes]);
  if (years && years.length > 0) q = q.where("year", "in", [...years]);
  const rows = await q.orderBy("year", "desc").orderBy("survey").execute();
  return rows.map((r) => toView({ ...r, value: Number(r.value) }));
}

/** The regency a region lies in, and the figures entered for it (or for its province). */
export async function surveyFiguresFor(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
): Promise<SurveyFigureView[]> {
  const region = await findRegion(db, readScopes(actor), regionCode);
  if (!region) throw errors.notFound();
  const parts = region.code.split(".");
  return surveyFiguresOf(db, [parts[0] as string, parts.slice(0, 2).join(".")]);
}

/** Enter or revise the figure of a region, year and survey. Audited in the same transaction. */
export async function enterSurveyFigure(
  db: Kysely<Database>,
  actor: Actor,
  input: SurveyFigureInput,
): Promise<SurveyFigureView> {
  const region = await findRegion(db, readScopes(actor), input.regionCode);
  if (!region) throw errors.notFound();
  if (region.level !== "kabupaten" && region.level !== "provinsi")
    throw errors.validation("regionCode", "regionCode: survey figures are entered for a regency or province");
  const may = actor.assignments.some(
    (a) => ENTERING_ROLES.includes(a.role) && (a.scope === "" || isWithin(region.code, a.scope)),
  );
  if (!may) throw errors.forbidden();
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("survey_figures")
      .selectAll()
      .where(withinScopes("region_code", [region.code]))
      .where("region_code", "=", region.code)
      .where("year", "=", input.year)
      .where("survey", "=", input.survey)
      .executeTakeFirst();
    const row: SurveyFiguresTable = {
      id: before?.id ?? uuidv7(),
      region_code: region.code,
      year: input.year,
      survey: input.survey,
      value: input.value,
      ci_lower: input.ciLower ?? null,
      ci_upper: input.ciUpper ?? null,
      source: input.source,
      entered_at: nowIso(),
      entered_by: actor.username,
    };
    if (before) await trx.updateTable("survey_figures").set(row).where("id", "=", before.id).execute();
    else await trx.insertInto("survey_figures").values(row).execute();
    await appendAudit(trx, actor, {
      action: before ? "survey_figure.revise" : "survey_figure.enter",
      entity: "survey_figure",
      entityId: row.id,
      regionCode: region.code,
      before: before ? toView({ ...before, value: Number(before.value) }) : undefined,
      after: toView(row),
    });
    return toView(row);
  });
}
