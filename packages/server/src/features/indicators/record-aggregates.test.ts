import { expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";
import { RECORD_CODES, recordCounts, recordCountsOf } from "./record-aggregates";

const TODAY = "2026-04-15";
const SANDELEY = "64.01.05.2003";
const OTHER = "64.01.05.2002";
const AT = "2025-01-01T00:00:00.000Z";

/*
 * Stunted under-twos (annex P5.a.8) at the edges the regency-wide read (recordCountsOf, issue 18) takes
 * short cuts at, counted by hand:
 *   Lia, born 29 Feb 2024 (Sandeley), stunted on 10 Dec 2025: a case at the end of December and January;
 *     on 28 Feb 2026 she has 24 completed months — no case in February.
 *   Budi, born 10 Jan 2024 (Sandeley), stunted 1 Jun 2025, normal on 1 Feb 2026 at 24 months: a case
 *     June–December 2025 (31 Jan 2026: 24 months).
 *   Citra (other desa): her only stunted row was deleted; Dodi: his only stunted row is implausible (flagged).
 *   Eka (other desa), stunted 1 Mar 2025, audited 1 May, moved away 1 Oct: a case March–September, audited
 *     from May.
 */
async function seed(db: Db): Promise<void> {
  const k = db.kysely;
  const child = async (
    name: string,
    region: string,
    birth: string,
    rows: { on: string; tbu: string; deleted?: boolean; flagged?: boolean }[],
    leftOn: string | null = null,
  ) => {
    const id = uuidv7();
    await k
      .insertInto("persons")
      .values({
        id,
        region_code: region,
        name,
        name_key: name.toLowerCase(),
        sex: 1,
        birth_date: birth,
        created_at: AT,
        updated_at: AT,
        revision: 1,
        left_on: leftOn,
        left_reason: leftOn ? "pindah" : null,
      })
      .execute();
    for (const r of rows)
      await k
        .insertInto("measurements")
        .values({
          id: uuidv7(),
          person_id: id,
          region_code: region,
          measured_on: r.on,
          oedema: 0,
          created_at: AT,
          deleted_at: r.deleted ? AT : null,
          flagged: r.flagged ? 1 : 0,
          tbu: r.tbu,
          growth_version: 1,
        })
        .execute();
    return id;
  };
  await child("Lia", SANDELEY, "2024-02-29", [
    { on: "2025-12-10", tbu: "tbu.pendek" },
    { on: "2026-02-28", tbu: "tbu.sangat_pendek" },
  ]);
  await child("Budi", SANDELEY, "2024-01-10", [
    { on: "2025-06-01", tbu: "tbu.pendek" },
    { on: "2026-02-01", tbu: "tbu.normal" },
  ]);
  await child("Citra", OTHER, "2025-01-05", [
    { on: "2025-06-01", tbu: "tbu.pendek", deleted: true },
    { on: "2025-07-01", tbu: "tbu.normal" },
  ]);
  await child("Dodi", OTHER, "2025-01-05", [{ on: "2025-06-01", tbu: "tbu.sangat_pendek", flagged: true }]);
  const eka = await child(
    "Eka",
    OTHER,
    "2024-08-01",
    [{ on: "2025-03-01", tbu: "tbu.pendek" }],
    "2025-10-01",
  );
  await k
    .insertInto("case_audits")
    .values({
      id: uuidv7(),
      region_code: OTHER,
      child_id: eka,
      audited_on: "2025-05-01",
      team: "Tim audit kabupaten",
      findings_json: "{}",
      created_at: AT,
      created_by: "tpps.paser",
    })
    .execute();
}

const sorted = (counts: Map<string, { numerator: number; denominator: number }> | undefined) =>
  [...(counts ?? [])].sort(([a], [b]) => (a < b ? -1 : 1));

describeEachDialect(
  "case-audit counts read regency-wide and for a desa",
  (db) => {
    it("counts the under-twos at their second birthday and the left-out rows as counted by hand", async () => {
      const regency = await recordCountsOf(db().kysely, "64.01", [SANDELEY, OTHER], TODAY);
      const audit = (desa: string, period: string) =>
        regency.get(desa)?.get(`${RECORD_CODES.audit}|${period}`) ?? null;
      expect(audit(SANDELEY, "2025-06")).toEqual({ numerator: 0, denominator: 1 });
      expect(audit(SANDELEY, "2025-12")).toEqual({ numerator: 0, denominator: 2 });
      expect(audit(SANDELEY, "2026-01")).toEqual({ numerator: 0, denominator: 1 });
      expect(audit(SANDELEY, "2026-02")).toBeNull();
      expect(audit(OTHER, "2025-04")).toEqual({ numerator: 0, denominator: 1 });
      expect(audit(OTHER, "2025-05")).toEqual({ numerator: 1, denominator: 1 });
      expect(audit(OTHER, "2025-09")).toEqual({ numerator: 1, denominator: 1 });
      expect(audit(OTHER, "2025-10")).toBeNull();
      expect(audit(OTHER, "2025-07")).toEqual({ numerator: 1, denominator: 1 }); // Eka only: not Citra, Dodi
    });

    it("gives the per-desa counts, whether read for the regency or for the desa alone", async () => {
      const regency = await recordCountsOf(db().kysely, "64.01", [SANDELEY, OTHER], TODAY);
      for (const desa of [SANDELEY, OTHER]) {
        const reference = sorted(await recordCounts(db().kysely, desa, TODAY));
        expect(reference.length).toBeGreaterThan(0);
        expect(sorted(regency.get(desa))).toEqual(reference);
        expect(sorted((await recordCountsOf(db().kysely, desa, [desa], TODAY)).get(desa))).toEqual(reference);
      }
    });
  },
  {
    once: true,
    seed: async (db) => {
      await ensureDemo(db.kysely, { children: 0 });
      await seed(db);
    },
  },
);
