import {
  type Actor,
  checkKpmCriteria,
  hasPowerAt,
  type InstitutionInput,
  type InstitutionKind,
  type InstitutionMember,
  type InstitutionsView,
  type InstitutionView,
  type KpmFacts,
  KpmFactsSchema,
  type KpmInput,
  type KpmView,
  kpmCountProblem,
  type MemberInput,
  readScopes,
} from "@tumbuh/core";
import type { Kysely, Selectable } from "kysely";
import type { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import { activeRoleScopes } from "../users/service";
import type { PlanningInstitutionsTable, PlanningKpmTable, PlanningMembersTable } from "./schema";
import { tpkTeamsOf } from "./tpk-teams";

type Db = Kysely<Database>;
type InstitutionRow = Selectable<PlanningInstitutionsTable>;
type MemberRow = Selectable<PlanningMembersTable>;

/**
 * Teams and service providers: TPPS at regency, kecamatan and desa/kelurahan level (Paser Pasal 14–15, 28(2) g,
 * 28(6)), the Rumah Desa Sehat (PALI Pasal 16–18; Paser Pasal 28(3)), posyandu, PAUD and health posts as
 * service providers (PALI Pasal 5(2) b), and the KPM registry (PALI Pasal 29, 33). The family support
 * teams (TPK, Paser Pasal 13) live in their own feature and are linked from the institutions page.
 */
const LEVEL_OF_KIND: Record<InstitutionKind, "kabupaten" | "kecamatan" | "desa"> = {
  tpps_kabupaten: "kabupaten",
  tpps_kecamatan: "kecamatan",
  tpps_desa: "desa",
  rds: "desa",
  posyandu: "desa",
  paud: "desa",
  poskesdes: "desa",
  polindes: "desa",
};

async function writableFor(db: Db, actor: Actor, code: string, level: "kabupaten" | "kecamatan" | "desa") {
  const region = await findRegion(db, readScopes(actor), code);
  if (!region) throw errors.notFound();
  // Regency and kecamatan teams are kept by the TPPS (review power); village bodies by the village (plan power).
  const power = level === "desa" ? "planVillage" : "reviewPlans";
  if (!hasPowerAt(actor, "write", code) || !hasPowerAt(actor, power, code)) throw errors.forbidden();
  return region;
}

export async function listInstitutions(db: Db, actor: Actor, regionCode: string): Promise<InstitutionView[]> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const rows = await db
    .selectFrom("planning_institutions as i")
    .innerJoin("regions as r", "r.code", "i.region_code")
    .select([
      "i.id",
      "i.region_code",
      "i.kind",
      "i.name",
      "i.decree_number",
      "i.decree_date",
      "r.name as region_name",
    ])
    .where(withinScopes("i.region_code", scopes))
    .where(withinScopes("i.region_code", [regionCode]))
    .orderBy("i.region_code")
    .orderBy("i.kind")
    .orderBy("i.name")
    .limit(2000)
    .execute();
  const members = rows.length
    ? await db
        .selectFrom("planning_members")
        .selectAll()
        .where(
          "institution_id",
          "in",
          rows.map((r) => r.id),
        )
        .where(withinScopes("region_code", scopes))
        .orderBy("created_at")
        .execute()
    : [];
  return rows.map((r) =>
    toInstitutionView(
      r,
      r.region_name,
      members.filter((m) => m.institution_id === r.id),
    ),
  );
}

function toInstitutionView(
  r: Pick<InstitutionRow, "id" | "region_code" | "kind" | "name" | "decree_number" | "decree_date">,
  regionName: string,
  members: readonly Pick<MemberRow, "id" | "name" | "role" | "unit">[],
): InstitutionView {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName,
    kind: r.kind as InstitutionKind,
    name: r.name,
    decreeNumber: r.decree_number,
    decreeDate: r.decree_date,
    members: members.map(toMemberView),
  };
}

function toMemberView(m: Pick<MemberRow, "id" | "name" | "role" | "unit">): InstitutionMember {
  return { id: m.id, name: m.name, role: m.role as InstitutionMember["role"], unit: m.unit };
}

export async function createInstitution(
  db: Db,
  actor: Actor,
  input: z.infer<typeof InstitutionInput>,
): Promise<InstitutionView> {
  const region = await writableFor(db, actor, input.regionCode, LEVEL_OF_KIND[input.kind]);
  if (region.level !== LEVEL_OF_KIND[input.kind])
    throw errors.validation(
      "regionCode",
      `regionCode: a ${input.kind} belongs to a ${LEVEL_OF_KIND[input.kind]}`,
    );
  const row = {
    id: uuidv7(),
    region_code: input.regionCode,
    kind: input.kind,
    name: input.name,
    decree_number: input.decreeNumber ?? null,
    decree_date: input.decreeDate ?? null,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_institutions").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.institution.create",
      entity: "planning_institution",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  // Just made, with no members yet: the view is the row itself, under the region it was checked against.
  return toInstitutionView(row, region.name, []);
}

export async function addMember(
  db: Db,
  actor: Actor,
  institutionId: string,
  input: z.infer<typeof MemberInput>,
): Promise<InstitutionMember> {
  const inst = await db
    .selectFrom("planning_institutions")
    .selectAll()
    .where("id", "=", institutionId)
    .where(withinScopes("region_code", readScopes(actor)))
    .executeTakeFirst();
  if (!inst) throw errors.notFound();
  await writableFor(db, actor, inst.region_code, LEVEL_OF_KIND[inst.kind as InstitutionKind]);
  // PALI Pasal 16(2) a: the KPM chairs the RDS daily board — one chair only.
  if (input.role === "ketua_pengurus_harian") {
    if (inst.kind !== "rds")
      throw errors.validation("role", "role: ketua_pengurus_harian exists only in a Rumah Desa Sehat");
    const chair = await db
      .selectFrom("planning_members")
      .select("id")
      .where("institution_id", "=", institutionId)
      .where("role", "=", "ketua_pengurus_harian")
      .executeTakeFirst();
    if (chair) throw errors.conflict("role: the RDS daily board already has its chair", "role");
  }
  const row = {
    id: uuidv7(),
    institution_id: institutionId,
    region_code: inst.region_code,
    name: input.name,
    role: input.role,
    unit: input.unit ?? null,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_members").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.member.create",
      entity: "planning_institution",
      entityId: institutionId,
      regionCode: inst.region_code,
      after: row,
    });
  });
  return toMemberView(row);
}

function toKpmView(r: Omit<PlanningKpmTable, "created_at">): KpmView {
  const check = checkKpmCriteria(parseJsonColumn(KpmFactsSchema, r.facts_json));
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    dusunCode: r.dusun_code,
    criteriaMet: check.met,
    criteriaUnmet: check.unmet,
    eligible: check.eligible,
    chosenOn: r.chosen_on,
    decreeNumber: r.decree_number,
    decreeDate: r.decree_date,
  };
}

/** KPM of the desa under a region, and per desa whether the count of PALI Pasal 33 b is met. */
export async function listKpm(db: Db, actor: Actor, regionCode: string) {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const rows = await db
    .selectFrom("planning_kpm")
    .selectAll()
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .orderBy("region_code")
    .orderBy("name")
    .limit(2000)
    .execute();
  return rows.map(toKpmView);
}

export async function registerKpm(db: Db, actor: Actor, input: KpmInput) {
  const region = await writableFor(db, actor, input.regionCode, "desa");
  if (region.level !== "desa") throw errors.validation("regionCode", "regionCode: a KPM belongs to a desa");
  if (input.dusunCode && !input.dusunCode.startsWith(`${input.regionCode}.`))
    throw errors.validation("dusunCode", "dusunCode: must be a dusun of this desa");
  // PALI Pasal 33 c, e: chosen by musyawarah desa and appointed by the village head's decree.
  if (input.decreeNumber && !input.chosenOn)
    throw errors.validation("chosenOn", "chosenOn: a KPM is appointed after being chosen by musyawarah desa");
  if (input.decreeDate && input.chosenOn && input.decreeDate < input.chosenOn)
    throw errors.validation("decreeDate", "decreeDate: before the musyawarah desa that chose the KPM");
  const facts: KpmFacts = {
    resident: input.resident,
    cadreYears: input.cadreYears,
    speaksLocalLanguage: input.speaksLocalLanguage,
    education: input.education,
    canUseOffice: input.canUseOffice,
  };
  const row = {
    id: uuidv7(),
    region_code: input.regionCode,
    name: input.name,
    dusun_code: input.dusunCode ?? null,
    facts_json: JSON.stringify(facts),
    chosen_on: input.chosenOn ?? null,
    decree_number: input.decreeNumber ?? null,
    decree_date: input.decreeDate ?? null,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto("planning_kpm").values(row).execute();
    await appendAudit(trx, actor, {
      action: "planning.kpm.create",
      entity: "planning_kpm",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return toKpmView(row);
}

/** The institutions page of a region: its bodies, KPM, desa still without a KPM and the TPK teams. */
export async function institutionsOf(db: Db, actor: Actor, regionCode: string): Promise<InstitutionsView> {
  return {
    institutions: await listInstitutions(db, actor, regionCode),
    kpm: await listKpm(db, actor, regionCode),
    desaWithoutKpm: await desaWithoutKpm(db, actor, regionCode),
    tpk: await tpkTeamsOf(db, actor, regionCode),
  };
}

/**
 * Desa under a region without any KPM (PALI Pasal 33 b: at least one per desa). A KPM is known from its
 * record on the institutions page or from an active Tumbuh account in the KPM role for the desa (or one of
 * its dusun/posyandu): a desa whose KPM works in Tumbuh has one, even before the record is typed in.
 */
export async function desaWithoutKpm(db: Db, actor: Actor, regionCode: string) {
  const scopes = readScopes(actor);
  const desa = await db
    .selectFrom("regions")
    .select(["code", "name"])
    .where("level", "=", "desa")
    .where("kind", "=", "desa")
    .where(withinScopes("code", scopes))
    .where(withinScopes("code", [regionCode]))
    .execute();
  const kpmPlaces = [
    ...(
      await db
        .selectFrom("planning_kpm")
        .select("region_code")
        .where(withinScopes("region_code", scopes))
        .where(withinScopes("region_code", [regionCode]))
        .execute()
    ).map((r) => r.region_code),
    ...(await activeRoleScopes(db, "kpm", regionCode)),
  ];
  const hasKpm = (code: string) => kpmPlaces.some((p) => p === code || p.startsWith(`${code}.`));
  return desa.filter((d) => kpmCountProblem(hasKpm(d.code) ? 1 : 0, 0) === "too_few");
}
