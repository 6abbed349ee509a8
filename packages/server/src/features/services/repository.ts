import { type ServiceRecordView, STATE_SERVICES } from "@tumbuh/core";
import {
  type Expression,
  expressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Transaction,
} from "kysely";
import type { Database, ServiceRecordsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;
export type ServiceRecordRow = Selectable<ServiceRecordsTable>;

export function toServiceRecordView(
  r: ServiceRecordRow | ServiceRecordsTable,
  live: boolean,
): ServiceRecordView {
  return {
    id: r.id,
    personId: r.person_id,
    regionCode: r.region_code,
    service: r.service,
    givenOn: r.given_on,
    detail: r.detail,
    received: r.received === 1,
    supersedes: r.supersedes,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    quantity: r.quantity,
    live: live && !r.voided_at,
    voidReason: r.voided_at ? (r.void_reason ?? "") : null,
  };
}

/** A record by id regardless of scope: an id replayed by sync must be recognised even if the person moved. */
export async function findServiceRecordById(db: Conn, id: string) {
  return db.selectFrom("service_records").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records by id regardless of scope (the sync feed decides who receives each by its region). */
export async function serviceRecordsByIds(db: Conn, ids: readonly string[]): Promise<ServiceRecordRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("service_records")
    .selectAll()
    .where("id", "in", [...ids])
    .execute();
}

export async function findServiceRecord(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("service_records")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function isSuperseded(db: Conn, id: string): Promise<boolean> {
  const row = await db
    .selectFrom("service_records")
    .select("id")
    .where("supersedes", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertServiceRecord(db: Conn, row: ServiceRecordsTable): Promise<void> {
  await db.insertInto("service_records").values(row).execute();
}

export async function insertServiceRecords(db: Conn, rows: readonly ServiceRecordsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("service_records")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** A person's records, newest first (the person is already known to be in scope). */
export async function serviceRecordsOfPerson(db: Conn, personId: string): Promise<ServiceRecordRow[]> {
  return db
    .selectFrom("service_records")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("given_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Services a scorecard counts over the pregnancy's whole course (contacts, tablets, counselling). */
export const PREGNANCY_COURSE_SERVICES: readonly string[] = ["anc", "nifas", "ttd", "konseling_gizi"];

/** From when a scorecard reads records: other events, ANC and post-partum checks, immunisations. */
export interface RecordsSince {
  events: string;
  pregnancy: string;
  immunisation: string;
}

/**
 * Live records (none superseded, none voided) in a region (and scope) given up to `to`, in one query, for scorecards:
 * other events from `since.events`, ANC and post-partum checks from `since.pregnancy`, immunisations from
 * `since.immunisation`, states (JKN, birth certificate) any time.
 */
export async function serviceRecordsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  to: string,
  since: RecordsSince,
) {
  return serviceRecordsInRegionQuery(db, scopes, regionCode, to, since).execute();
}

/**
 * The query of `serviceRecordsInRegion`, not run: a regency-wide read visits its rows as arrays (db/raw-rows
 * forEachRow) in the order selected — person_id, region_code, service, given_on, detail, received, quantity.
 */
export function serviceRecordsInRegionQuery(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  to: string,
  since: RecordsSince,
) {
  let query = db
    .selectFrom("service_records as r")
    .select([
      "r.person_id",
      "r.region_code",
      "r.service",
      "r.given_on",
      "r.detail",
      "r.received",
      "r.quantity",
    ]);
  for (const condition of recordsInRegion(scopes, regionCode, to, since)) query = query.where(condition);
  return query;
}

/**
 * The records of `serviceRecordsInRegionQuery` (alias `r`) joined to their person (alias `p`), nothing
 * selected, read person by person: on SQLite the persons are scanned and each one's records found by the
 * (person, day) index, not every record looked up by its region and then its person by id (issue 18: the
 * dashboards' rebuild reads 191k records this way, a quarter faster). A caller sorts by the person.
 */
export function serviceRecordsOfPersonsQuery(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  to: string,
  since: RecordsSince,
) {
  // A cross join: SQLite keeps the written order of its tables (persons outside); PostgreSQL plans it
  // as the inner join it is.
  let query = db
    .selectFrom("persons as p")
    .crossJoin("service_records as r")
    .whereRef("r.person_id", "=", "p.id");
  for (const condition of recordsInRegion(scopes, regionCode, to, since)) query = query.where(condition);
  return query;
}

/** The conditions of both record reads above, on the table aliased `r`. */
function recordsInRegion(
  scopes: readonly string[],
  regionCode: string,
  to: string,
  since: RecordsSince,
): Expression<SqlBool>[] {
  const eb = expressionBuilder<Database & { r: ServiceRecordsTable }, "r">();
  return [
    withinScopes("r.region_code", scopes),
    withinScopes("r.region_code", [regionCode]),
    eb("r.given_on", "<=", to),
    eb.or([
      eb("r.given_on", ">=", since.events),
      // The pregnancy's whole course: contacts, tablets and counselling are counted since the last period.
      eb.and([
        eb("r.service", "in", [...PREGNANCY_COURSE_SERVICES]),
        eb("r.given_on", ">=", since.pregnancy),
      ]),
      eb.and([eb("r.service", "=", "imunisasi"), eb("r.given_on", ">=", since.immunisation)]),
      eb("r.service", "in", [...STATE_SERVICES]),
    ]),
    eb("r.voided_at", "is", null),
    eb.not(
      eb.exists(eb.selectFrom("service_records as c").select("c.id").whereRef("c.supersedes", "=", "r.id")),
    ),
  ];
}

/** Live records (none superseded or voided, received) of some services for some persons, given in [from, to]. */
export async function liveServiceRecordsOfPersons(
  db: Conn,
  personIds: readonly string[],
  services: readonly string[],
  from: string,
  to: string,
) {
  const rows: { person_id: string; service: string; given_on: string }[] = [];
  for (let i = 0; i < personIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom("service_records as r")
        .select(["r.person_id", "r.service", "r.given_on"])
        .where("r.person_id", "in", personIds.slice(i, i + 500))
        .where("r.service", "in", services)
        .where("r.received", "=", 1)
        .where("r.given_on", ">=", from)
        .where("r.given_on", "<=", to)
        .where("r.voided_at", "is", null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom("service_records as c").select("c.id").whereRef("c.supersedes", "=", "r.id"),
            ),
          ),
        )
        .execute()),
    );
  }
  return rows;
}

/** Void a record (issue 17): kept with who, when and why; every reader above leaves it out. */
export async function markServiceRecordVoided(db: Conn, id: string, by: string, reason: string, at: string) {
  await db
    .updateTable("service_records")
    .set({ voided_at: at, voided_by: by, void_reason: reason })
    .where("id", "=", id)
    .where("voided_at", "is", null)
    .execute();
}
