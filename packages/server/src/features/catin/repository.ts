import {
  CatinExtraSchema,
  type CatinScreeningView,
  type CatinView,
  evaluateCatin,
  maskNik,
  screenedInTime,
  screeningDeadline,
} from "@tumbuh/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import { parseJsonColumn } from "../../db/json-column";
import type { CatinScreeningsTable, CatinTable, Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;
type ScreeningRow = Selectable<CatinScreeningsTable>;
type CatinRow = Selectable<CatinTable> & {
  name: string;
  sex: number;
  birth_date: string;
  nik: string | null;
};

export function toCatinScreeningView(
  s: ScreeningRow,
  person: { sex: number; birth_date: string },
  marriageDate: string,
): CatinScreeningView {
  const result = evaluateCatin({
    sex: person.sex as 1 | 2,
    birthDate: person.birth_date,
    screenedOn: s.screened_on,
    weightKg: s.weight_kg,
    heightCm: s.height_cm,
    muacCm: s.muac_cm,
    hbGdl: s.hb_g_dl,
  });
  return {
    id: s.id,
    screenedOn: s.screened_on,
    weightKg: s.weight_kg,
    heightCm: s.height_cm,
    muacCm: s.muac_cm,
    hbGdl: s.hb_g_dl,
    extra: parseJsonColumn(CatinExtraSchema, s.extra_json),
    ...result,
    // A voided screening (issue 17) is shown struck and counts nowhere: never "in time".
    inTime: !s.voided_at && screenedInTime(s.screened_on, marriageDate),
    voidReason: s.voided_at ? (s.void_reason ?? "") : null,
  };
}

export function toCatinView(c: CatinRow, screenings: readonly ScreeningRow[], showNik: boolean): CatinView {
  const views = screenings.map((s) => toCatinScreeningView(s, c, c.marriage_date));
  return {
    id: c.id,
    regionCode: c.region_code,
    person: {
      id: c.person_id,
      name: c.name,
      sex: c.sex as 1 | 2,
      birthDate: c.birth_date,
      nik: showNik ? c.nik : maskNik(c.nik),
    },
    partnerName: c.partner_name,
    marriageDate: c.marriage_date,
    deadline: screeningDeadline(c.marriage_date),
    screenings: views,
    screenedInTime: views.some((v) => v.inTime),
  };
}

function catinQuery(db: Conn, scopes: readonly string[]) {
  return db
    .selectFrom("catin as c")
    .innerJoin("persons as p", "p.id", "c.person_id")
    .selectAll("c")
    .select(["p.name", "p.sex", "p.birth_date", "p.nik"])
    .where(withinScopes("c.region_code", scopes));
}

export async function findCatin(db: Conn, scopes: readonly string[], id: string) {
  return catinQuery(db, scopes).where("c.id", "=", id).executeTakeFirst();
}

export async function catinInRegion(db: Conn, scopes: readonly string[], regionCode: string) {
  return catinQuery(db, scopes)
    .where(withinScopes("c.region_code", [regionCode]))
    .orderBy("c.marriage_date")
    .orderBy("c.id")
    .execute();
}

/** Every screening of the catin, voided ones included (the page shows them struck), oldest first. */
export async function screeningsOfCatin(db: Conn, catinIds: readonly string[]) {
  const out = new Map<string, ScreeningRow[]>();
  for (let i = 0; i < catinIds.length; i += 500) {
    const rows = await db
      .selectFrom("catin_screenings")
      .selectAll()
      .where("catin_id", "in", catinIds.slice(i, i + 500))
      .orderBy("screened_on")
      .orderBy("id")
      .execute();
    for (const r of rows) out.set(r.catin_id, [...(out.get(r.catin_id) ?? []), r]);
  }
  return out;
}

export async function catinIdTaken(db: Conn, id: string) {
  return db.selectFrom("catin").select("id").where("id", "=", id).executeTakeFirst();
}

export async function catinScreeningIdTaken(db: Conn, id: string) {
  return db.selectFrom("catin_screenings").select(["id", "catin_id"]).where("id", "=", id).executeTakeFirst();
}

export async function findCatinScreening(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("catin_screenings")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

/** Void a screening (issue 17): kept with who, when and why; every list, figure and certificate leaves it out. */
export async function markCatinScreeningVoided(db: Conn, id: string, by: string, reason: string, at: string) {
  await db
    .updateTable("catin_screenings")
    .set({ voided_at: at, voided_by: by, void_reason: reason })
    .where("id", "=", id)
    .where("voided_at", "is", null)
    .execute();
}

export async function insertCatin(db: Conn, row: CatinTable) {
  await db.insertInto("catin").values(row).execute();
}

export async function insertCatinScreening(db: Conn, row: CatinScreeningsTable) {
  await db.insertInto("catin_screenings").values(row).execute();
}
