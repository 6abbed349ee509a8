import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { uuidv7 } from "../util/ids";
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

  // On SQLite a column whose value every row of a statement shares is bound once for the statement: whatever
  // mix of shared and varying columns (ids, numbers, text, nulls), every row must read back as given.
  it("stores every row as given, whichever of its columns the rows share", async () => {
    const k = db().kysely;
    const imports = [uuidv7(), uuidv7()];
    const texts = ["{}", '{"zsBbu":"-2,1"}', "'kutip'"];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 130 }),
        fc.record({ imports: fc.integer({ min: 1, max: 2 }), lines: fc.integer({ min: 1, max: 3 }) }),
        fc.integer({ min: 1, max: 3 }),
        async (n, pools, textPool) => {
          const rows = Array.from({ length: n }, (_, i) => ({
            measurement_id: uuidv7(),
            import_id: imports[i % pools.imports] as string,
            line: pools.lines === 3 ? i + 2 : (i % pools.lines) + 2,
            values_json: texts[i % textPool] as string,
          }));
          await bulkInsert(k, k, "import_source_values", rows);
          const stored = await k
            .selectFrom("import_source_values")
            .selectAll()
            .where(
              "measurement_id",
              "in",
              rows.map((r) => r.measurement_id),
            )
            .orderBy("measurement_id")
            .execute();
          expect(stored).toEqual(rows);
        },
      ),
      { numRuns: 40 },
    );
  });
});
