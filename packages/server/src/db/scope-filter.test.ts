import { isWithin } from "@tumbuh/core";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { withinScopes } from "./scope-filter";

describeEachDialect("withinScopes", (db) => {
  it("selects exactly the codes core's isWithin accepts, on this database's collation", async () => {
    const codes = [
      "64",
      "64.01",
      "64.01.05",
      "64.01.05.2003",
      "64.01.05.2003.D01",
      "64.01.05.2003.P01",
      "64.01.050",
      "64.01.05a",
      "64.011",
      "64.01.06.2001",
      "64.02",
      "65",
      "6",
      "64.01.05-2003",
      "64.01.05/1",
    ];
    const k = db().kysely;
    await k
      .insertInto("regions")
      .values(
        codes.map((code) => ({
          code,
          name: code,
          level: "x",
          kind: "x",
          parent_code: null,
          source: "t",
          created_at: "t",
        })),
      )
      .execute();
    await fc.assert(
      fc.asyncProperty(fc.subarray(codes, { maxLength: 3 }), async (scopes) => {
        const rows = await k
          .selectFrom("regions")
          .select("code")
          .where(withinScopes("code", scopes))
          .execute();
        const expected = codes.filter((c) => scopes.some((s) => isWithin(c, s)));
        expect(rows.map((r) => r.code).sort()).toEqual(expected.sort());
      }),
      { numRuns: 40 },
    );
  });
});
