import { monthsEnding, SYSTEM_ACTOR } from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { describeEachDialect } from "../../testing/dialects";
import { buildDhis2Export, loadDhis2Mapping } from "./service";

const THIS_MONTH = new Date().toISOString().slice(0, 7);

/**
 * A small demo has desa whose only balita was born weeks before anyone there was weighed. The export counts
 * that child in S from its birth month; the dashboard's figures must too, or every such month is refused
 * with `export_check` ("registered 40 here, 38 on the indicator dashboard").
 */
describeEachDialect(
  "DHIS2 export agrees with the dashboard in a small demo",
  (db) => {
    it("exports each of the last fourteen months without a disagreement", async () => {
      const refused: string[] = [];
      for (const period of monthsEnding(THIS_MONTH, 14)) {
        try {
          await buildDhis2Export(db().kysely, SYSTEM_ACTOR, { period, format: "json" }, loadDhis2Mapping());
        } catch (e) {
          refused.push(`${period}: ${(e as Error).message}`);
        }
      }
      expect(refused).toEqual([]);
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 40, log: () => {} })) },
);
