import { expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { measurementRow, personRow } from "../testing/table-rows";
import { bulkInsert } from "./bulk-insert";
import { insertPersonsAndMeasurements } from "./fed-insert";
import type { PersonsTable } from "./schema";
import { inTransaction } from "./transaction";

const person = (id: string, region: string) => personRow(id, region);
const measurement = (id: string, p: PersonsTable, region = p.region_code) =>
  measurementRow(id, p, { region_code: region, bbu: "normal" });

describeEachDialect("insertPersonsAndMeasurements", (db) => {
  it("gives devices and the figures exactly what the row triggers give, and leaves the triggers on", async () => {
    const k = db().kysely;
    // Someone already registered (through the triggers) in another desa, measured again by the import.
    const earlier = person("p0", "64.01.01.2001");
    await bulkInsert(k, k, "persons", [earlier]);
    await k.deleteFrom("sync_changes").execute();
    await k.deleteFrom("indicator_dirty").execute();

    const a = person("p1", "64.01.02.2001.P01");
    const b = person("p2", "64.01.02.2002");
    await inTransaction(k, (trx) =>
      insertPersonsAndMeasurements(
        k,
        trx,
        [a, b],
        [measurement("m1", a), measurement("m2", b), measurement("m3", earlier)],
      ),
    );
    const feed = await k
      .selectFrom("sync_changes")
      .select(["entity", "entity_id", "region_code"])
      .orderBy("seq")
      .execute();
    expect(feed).toEqual([
      { entity: "person", entity_id: "p1", region_code: "64.01.02.2001.P01" },
      { entity: "person", entity_id: "p2", region_code: "64.01.02.2002" },
      { entity: "measurement", entity_id: "m1", region_code: "64.01.02.2001.P01" },
      { entity: "measurement", entity_id: "m2", region_code: "64.01.02.2002" },
      { entity: "measurement", entity_id: "m3", region_code: "64.01.01.2001" },
    ]);
    const dirty = await k.selectFrom("indicator_dirty").select("desa_code").orderBy("desa_code").execute();
    expect(dirty.map((d) => d.desa_code)).toEqual(["64.01.01.2001", "64.01.02.2001", "64.01.02.2002"]);
    expect(await k.selectFrom("sync_feed_deferred").selectAll().execute()).toEqual([]);

    // An ordinary write afterwards is fed by its trigger again, once.
    await bulkInsert(k, k, "persons", [person("p3", "64.01.03.2001")]);
    const after = await k
      .selectFrom("sync_changes")
      .select("entity_id")
      .where("entity_id", "=", "p3")
      .execute();
    expect(after).toHaveLength(1);
  });

  it("marks the desa of new children measured in the same call (a new regency's import)", async () => {
    const k = db().kysely;
    await k.deleteFrom("indicator_dirty").execute();
    const a = person("r1", "64.01.04.2003.P02");
    const b = person("r2", "64.01.04.2003");
    const c = person("r3", "64.01.05.2001");
    await inTransaction(k, (trx) =>
      insertPersonsAndMeasurements(k, trx, [a, b, c], [measurement("s1", a), measurement("s2", c)]),
    );
    const dirty = await k.selectFrom("indicator_dirty").select("desa_code").orderBy("desa_code").execute();
    expect(dirty.map((d) => d.desa_code)).toEqual(["64.01.04.2003", "64.01.05.2001"]);
  });

  it("feeds nothing and marks nothing when the transaction rolls back", async () => {
    const k = db().kysely;
    await k.deleteFrom("sync_changes").execute();
    const a = person("q1", "64.01.02.2001");
    await expect(
      inTransaction(k, async (trx) => {
        await insertPersonsAndMeasurements(k, trx, [a], [measurement("n1", a)]);
        throw new Error("chunk failed");
      }),
    ).rejects.toThrow("chunk failed");
    expect(await k.selectFrom("sync_changes").selectAll().execute()).toEqual([]);
    expect(await k.selectFrom("persons").selectAll().where("id", "=", "q1").execute()).toEqual([]);
    await bulkInsert(k, k, "persons", [person("q2", "64.01.02.2001")]);
    expect(await k.selectFrom("sync_changes").select("entity_id").execute()).toEqual([{ entity_id: "q2" }]);
  });
});
