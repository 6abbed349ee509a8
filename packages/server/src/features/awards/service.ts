import {
  type Actor,
  type AwardCandidate,
  AwardInput,
  type AwardRegister,
  type AwardView,
  hasPowerAt,
  nowIso,
  readScopes,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { uuidv7 } from "../../util/ids";
import { publishedAssessment } from "../assessments/service";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import { type AwardRow, awardsIn, insertAward } from "./repository";

type Db = Kysely<Database>;
const Forms = z.array(z.enum(["piagam", "piala", "uang", "insentif"]));
/** How many of the top-ranked desa and kecamatan the register suggests. */
const CANDIDATES = { desa: 10, kecamatan: 3 } as const;

function toView(r: AwardRow): AwardView {
  return {
    id: r.id,
    year: r.year,
    regionCode: r.region_code,
    regionName: r.region_name,
    recipientKind: r.recipient_kind as AwardView["recipientKind"],
    recipientName: r.recipient_name,
    forms: parseJsonColumn(Forms, r.forms_json),
    amount: r.amount,
    skNumber: r.sk_number,
    skDate: r.sk_date,
    reason: r.reason,
    recordedAt: r.recorded_at,
  };
}

/** The award register of a region's year, with candidates from the year's published assessment. */
export async function awardRegister(
  db: Db,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<AwardRegister> {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const awards = (await awardsIn(db, scopes, region.code, year)).map(toView);
  const assessment = await publishedAssessment(db, region.code.split(".").slice(0, 2).join("."), year);
  const within = (code: string) =>
    code === region.code || code.startsWith(`${region.code}.`) || region.code.startsWith(`${code}.`);
  const candidates: AwardCandidate[] = assessment
    ? [
        ...assessment.kecamatan
          .slice(0, CANDIDATES.kecamatan)
          .map((u) => ({ ...u, level: "kecamatan" as const })),
        ...assessment.desa.slice(0, CANDIDATES.desa).map((u) => ({ ...u, level: "desa" as const })),
      ]
        .filter((u) => within(u.code))
        .map((u) => ({
          regionCode: u.code,
          regionName: u.name,
          level: u.level,
          rank: u.rank,
          score: u.score,
          strongest: u.strongest,
        }))
    : [];
  return { regionCode: region.code, year, awards, candidates };
}

/** Record an award given by a Keputusan Bupati (regency admin or TPPS: reviewPlans at the regency); audited. */
export async function addAward(db: Db, actor: Actor, raw: AwardInput): Promise<AwardView> {
  const parsed = AwardInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "body");
    throw errors.validation(field, `${field}: ${issue?.message ?? "invalid"}`);
  }
  const input = parsed.data;
  const region = await findRegion(db, readScopes(actor), input.regionCode);
  if (!region) throw errors.notFound();
  if (!hasPowerAt(actor, "reviewPlans", region.code.split(".").slice(0, 2).join(".")))
    throw errors.forbidden();
  const row = {
    id: uuidv7(),
    year: input.year,
    region_code: region.code,
    recipient_kind: input.recipientKind,
    recipient_name: input.recipientName,
    forms_json: JSON.stringify(input.forms),
    amount: input.amount,
    sk_number: input.skNumber,
    sk_date: input.skDate,
    reason: input.reason,
    recorded_at: nowIso(),
    recorded_by: actor.userId,
  };
  await inTransaction(db, async (trx) => {
    await insertAward(trx, row);
    await appendAudit(trx, actor, {
      action: "award.add",
      entity: "award",
      entityId: row.id,
      regionCode: region.code,
      after: row,
    });
  });
  return toView({ ...row, region_name: region.name });
}
