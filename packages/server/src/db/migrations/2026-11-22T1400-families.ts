import type { Kysely } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// Families at risk of stunting, catin, family support teams (TPK) and stunting case audits
// (Paser Pasal 12(3) a–e, 13). Ids are made by the client (UUIDv7), so a replayed write finds its row.
export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("region_code", codeType(db), (c) => c.notNull());

  // One row per screening (history kept); a later semester's screening is a new row.
  await base("family_screenings")
    .addColumn("household_id", "text", (c) => c.notNull().references("households.id"))
    .addColumn("semester", "text", (c) => c.notNull())
    .addColumn("screened_on", "text", (c) => c.notNull())
    .addColumn("observed_json", "text", (c) => c.notNull())
    .addColumn("facts_json", "text", (c) => c.notNull())
    .addColumn("sources_json", "text", (c) => c.notNull())
    .addColumn("at_risk", "integer", (c) => c.notNull())
    .addColumn("reasons_json", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("verify_result", "text")
    .addColumn("verify_note", "text")
    .addColumn("verified_at", "text")
    .addColumn("verified_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema
    .createIndex("family_screenings_household")
    .on("family_screenings")
    .columns(["household_id", "screened_on"])
    .execute();
  await db.schema
    .createIndex("family_screenings_region")
    .on("family_screenings")
    .columns(["region_code", "semester"])
    .execute();

  await base("catin")
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("partner_person_id", "text", (c) => c.references("persons.id"))
    .addColumn("partner_name", "text")
    .addColumn("marriage_date", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema.createIndex("catin_region").on("catin").columns(["region_code", "marriage_date"]).execute();

  await base("catin_screenings")
    .addColumn("catin_id", "text", (c) => c.notNull().references("catin.id"))
    .addColumn("screened_on", "text", (c) => c.notNull())
    .addColumn("weight_kg", "double precision", (c) => c.notNull())
    .addColumn("height_cm", "double precision", (c) => c.notNull())
    .addColumn("muac_cm", "double precision")
    .addColumn("hb_g_dl", "double precision")
    .addColumn("extra_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema.createIndex("catin_screenings_catin").on("catin_screenings").column("catin_id").execute();

  await base("tpk_teams")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tpk_teams_region").on("tpk_teams").column("region_code").execute();

  await base("tpk_members")
    .addColumn("team_id", "text", (c) => c.notNull().references("tpk_teams.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tpk_members_team").on("tpk_members").column("team_id").execute();

  await base("tpk_assignments")
    .addColumn("member_id", "text", (c) => c.notNull().references("tpk_members.id"))
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("first_due_on", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tpk_assignments_member").on("tpk_assignments").column("member_id").execute();

  await base("tpk_visits")
    .addColumn("assignment_id", "text", (c) => c.notNull().references("tpk_assignments.id"))
    .addColumn("visited_on", "text", (c) => c.notNull())
    .addColumn("counselling", "text")
    .addColumn("referral_to", "text")
    .addColumn("referral_done", "integer")
    .addColumn("social_programme", "text")
    .addColumn("social_outcome", "text")
    .addColumn("next_due_on", "text")
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema
    .createIndex("tpk_visits_assignment")
    .on("tpk_visits")
    .columns(["assignment_id", "visited_on"])
    .execute();

  await base("case_audits")
    .addColumn("child_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("audited_on", "text", (c) => c.notNull())
    .addColumn("team", "text", (c) => c.notNull())
    .addColumn("findings_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema.createIndex("case_audits_region").on("case_audits").column("region_code").execute();
  await db.schema.createIndex("case_audits_child").on("case_audits").column("child_id").execute();

  await base("audit_recommendations")
    .addColumn("audit_id", "text", (c) => c.notNull().references("case_audits.id"))
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("owner_team_id", "text", (c) => c.notNull().references("tpk_teams.id"))
    .addColumn("owner_name", "text")
    .addColumn("due_on", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_recommendations_team")
    .on("audit_recommendations")
    .column("owner_team_id")
    .execute();

  // Follow-ups are appended; a recommendation's status is its latest follow-up.
  await base("audit_followups")
    .addColumn("recommendation_id", "text", (c) => c.notNull().references("audit_recommendations.id"))
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema
    .createIndex("audit_followups_recommendation")
    .on("audit_followups")
    .column("recommendation_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "audit_followups",
    "audit_recommendations",
    "case_audits",
    "tpk_visits",
    "tpk_assignments",
    "tpk_members",
    "tpk_teams",
    "catin_screenings",
    "catin",
    "family_screenings",
  ])
    await db.schema.dropTable(t).execute();
}
