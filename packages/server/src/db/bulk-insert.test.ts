import { expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { bulkInsert } from "./bulk-insert";

describeEachDialect("bulkInsert", (db) => {
  it("stores exactly the rows given, across the statement size (0, 1, 49, 50, 51, 123 rows)", async () => {
    const k = db().kysely;
    let total = 0;
    for (const n of [0, 1, 49, 50, 51, 123]) {
      const rows = Array.from({ length: n }, (_, i) => ({
        code: `99.${String(total + i).padStart(4, "0")}`,
        name: `Wilayah ${total + i} 'kutip' "ganda"`,
        level: "kabupaten",
        kind: "kabupaten",
        parent_code: null,
        source: "test",
        created_at: "2026-12-06T00:00:00.000Z",
      }));
      await bulkInsert(k, k, "regions", rows);
      total += n;
    }
    const stored = await k
      .selectFrom("regions")
      .select(["code", "name"])
      .where("source", "=", "test")
      .orderBy("code")
      .execute();
    expect(stored).toHaveLength(total);
    expect(stored[200]).toEqual({ code: "99.0200", name: `Wilayah 200 'kutip' "ganda"` });
  });
});
