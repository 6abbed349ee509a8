import { SYSTEM_ACTOR } from "@tumbuh/core";
import { expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { child, measurement, regency } from "../testing/factories";
import { forEachRow } from "./raw-rows";
import { rowKey } from "./row-key";
import { inTransaction } from "./transaction";

describeEachDialect("rowKey", (db) => {
  it("tells persons apart, and a join from their measurements reaches each by the same key in one snapshot", async () => {
    const k = db().kysely;
    const { posyandu } = await regency(k);
    const ids: string[] = [];
    for (const name of ["Ani", "Budi", "Citra"]) {
      const { id } = await child(k, SYSTEM_ACTOR, { regionCode: posyandu, name });
      ids.push(id);
    }
    for (const [i, on] of ["2026-01-15", "2026-02-15", "2026-01-20"].entries())
      await measurement(k, SYSTEM_ACTOR, { personId: ids[i % 2] as string, measuredOn: on });
    const seen = await inTransaction(
      k,
      async (trx) => {
        const nameOf = new Map<number | string, string>();
        await forEachRow<[number | string, string]>(
          trx,
          trx.selectFrom("persons as p").select([rowKey(trx, "p").as("key"), "p.name"]),
          ([key, name]) => nameOf.set(key, name),
        );
        const days: string[] = [];
        await forEachRow<[number | string, string]>(
          trx,
          trx
            .selectFrom("measurements as m")
            .innerJoin("persons as p", "p.id", "m.person_id")
            .select([rowKey(trx, "p").as("key"), "m.measured_on"]),
          ([key, on]) => days.push(`${nameOf.get(key)} ${on}`),
        );
        return { persons: nameOf.size, days: days.sort() };
      },
      { readOnly: true },
    );
    expect(seen).toEqual({
      persons: 3,
      days: ["Ani 2026-01-15", "Ani 2026-01-20", "Budi 2026-02-15"],
    });
  });
});
