import type { ServiceRecordView } from "@tumbuh/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, ServiceRecordsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;
export type ServiceRecordRow = Selectable<ServiceRecordsTable>;

export function toServiceRecordView(r: ServiceRecordRow, live: boolean): ServiceRecordView {
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
    live,
  };
}

/** A record by id regardless of scope: an id replayed by sync must be recognised even if the person moved. */
export async function findServiceRecordById(db: Conn, id: string) {
  return db.selectFrom("service_records").selectAll().where("id", "=", id).executeTakeFirst();
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

/** Records in a region (and scope) given on or before a day, in one query, for scorecards. */
export async function serviceRecordsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  to: string,
) {
  return db
    .selectFrom("service_records")
    .select(["id", "person_id", "service", "given_on", "detail", "received", "supersedes"])
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .where("given_on", "<=", to)
    .execute();
}
