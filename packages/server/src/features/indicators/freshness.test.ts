import { nowIso } from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";
import { REBUILD_JOB } from "./freshness";

const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);
const DESA = "64.01.05.2003";

describeEachDialect(
  "figures served from the last build while a background job rebuilds them",
  (db) => {
    it("answers at once with the last figures and 'updating', runs one rebuild for many readers, then shows the change", async () => {
      const api = await testApi(db());
      const read = async () => {
        const res = await api.request("tpps.paser", {
          method: "GET",
          url: `/api/indicators/dashboard?region=${DESA}&period=${YEAR}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const v = res.json();
        return { registered: v.panel.coverage.denominator as number, freshness: v.freshness };
      };
      const before = await read();
      expect(before.freshness.updating).toBe(false);
      expect(before.freshness.builtAt).toMatch(/^\d{4}-\d\d-\d\dT/);

      // A new child of the desa, born this year (registered in this year's figure).
      const person = await api.request("bidan.sandeley", {
        method: "POST",
        url: "/api/persons",
        payload: { regionCode: DESA, name: "Bayi Baru", sex: 2, birthDate: `${YEAR}-01-02` },
      });
      expect(person.statusCode, person.body).toBe(201);

      // Several readers at once (the public page too), before the job has run (tests run it in this thread
      // as soon as the requests have answered): the old figures, "updating", one job for all of them.
      const [a, b, pub] = await Promise.all([
        read(),
        read(),
        api.request(null, { method: "GET", url: `/api/public/publication/${YEAR}` }),
      ]);
      expect(pub.json().freshness.updating).toBe(true);
      for (const r of [a, b]) {
        expect(r.registered).toBe(before.registered);
        expect(r.freshness.updating).toBe(true);
      }
      const jobs = await db()
        .kysely.selectFrom("jobs")
        .select("status")
        .where("kind", "=", REBUILD_JOB)
        .execute();
      // At most one waits: the first (if it has started meanwhile, which a PostgreSQL test may see) and one more.
      expect(jobs.filter((j) => j.status === "queued").length).toBeLessThanOrEqual(1);
      expect(jobs.length).toBeLessThanOrEqual(2);

      await api.jobs.idle();
      const after = await read();
      // A year's D/S is the mean of its months (Σ D ÷ Σ S): the child is in the S of each month so far.
      expect(after.registered).toBe(before.registered + Number(TODAY.slice(5, 7)));
      expect(after.freshness.updating).toBe(false);
      expect(after.freshness.builtAt >= before.freshness.builtAt).toBe(true);
      await api.jobs.idle();
      await api.app.close();
    });

    it("says 'updating' while a rebuild runs, though it has taken the marks already, and not once it is done", async () => {
      const api = await testApi(db());
      const updating = async () =>
        (
          await api.request("tpps.paser", {
            method: "GET",
            url: `/api/indicators/dashboard?region=${DESA}&period=${YEAR}`,
          })
        ).json().freshness.updating as boolean;
      expect(await updating()).toBe(false);
      const job = {
        id: uuidv7(),
        kind: REBUILD_JOB,
        status: "running",
        created_by: null,
        region_code: null,
        input_json: "{}",
        progress_done: 0,
        created_at: nowIso(),
      };
      await db().kysely.insertInto("jobs").values(job).execute();
      expect(await updating()).toBe(true);
      await db().kysely.updateTable("jobs").set({ status: "done" }).where("id", "=", job.id).execute();
      expect(await updating()).toBe(false);
      await api.app.close();
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 200, desa: [DESA], log: () => {} })) },
);
