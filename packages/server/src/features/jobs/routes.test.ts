import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

describeEachDialect(
  "following a background job through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeAll(async () => {
      api = await testApi(db());
    });
    afterAll(async () => api.app.close());

    const userId = async (username: string) =>
      (
        await db()
          .kysely.selectFrom("users")
          .select("id")
          .where("username", "=", username)
          .executeTakeFirstOrThrow()
      ).id;
    const job = async (id: string, createdBy: string | null, region: string | null) =>
      db()
        .kysely.insertInto("jobs")
        .values({
          id,
          kind: "imports.measurements",
          status: "failed",
          created_by: createdBy,
          region_code: region,
          input_json: "{}",
          error_json: JSON.stringify({ status: 400, code: "validation", message: "row 2", field: "file" }),
          progress_done: 10,
          progress_total: 40,
          created_at: "2026-12-01T01:00:00.000Z",
          finished_at: "2026-12-01T01:00:05.000Z",
        })
        .execute();

    it("the user who started a job follows it; another user of the same desa gets 404", async () => {
      await job("00000000-0000-7000-8000-000000000001", await userId("kader.melati"), "64.01.05.2003");
      const mine = await api.request("kader.melati", {
        method: "GET",
        url: "/api/jobs/00000000-0000-7000-8000-000000000001",
      });
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toMatchObject({
        status: "failed",
        progress: { done: 10, total: 40 },
        error: { code: "validation", field: "file" },
      });
      const other = await api.request("bidan.sandeley", {
        method: "GET",
        url: "/api/jobs/00000000-0000-7000-8000-000000000001",
      });
      expect(other.statusCode).toBe(404);
      const list = await api.request("kader.melati", { method: "GET", url: "/api/jobs" });
      expect(list.json().jobs.map((j: { id: string }) => j.id)).toContain(
        "00000000-0000-7000-8000-000000000001",
      );
    });

    it("a system job is visible to the readers of its region only", async () => {
      await job("00000000-0000-7000-8000-000000000002", null, "64.01.01.2001");
      const inside = await api.request("tpps.paser", {
        method: "GET",
        url: "/api/jobs/00000000-0000-7000-8000-000000000002",
      });
      expect(inside.statusCode).toBe(200);
      const outside = await api.request("kpm.sandeley", {
        method: "GET",
        url: "/api/jobs/00000000-0000-7000-8000-000000000002",
      });
      expect(outside.statusCode).toBe(404);
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
