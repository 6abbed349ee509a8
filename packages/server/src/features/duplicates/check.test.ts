import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

// Issue 17: the online registration forms ask before saving someone who may already be registered; a NIK
// outside the caller's area is never confirmed (issue 18).
describeEachDialect(
  "duplicate check before registering",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const CHILD = {
      regionCode: "64.01.05.2003.P01",
      name: "Muhammad Rizki",
      sex: 1,
      birthDate: "2025-03-01",
      parentName: "Siti Aminah",
      nik: "6401050103250001",
    };
    const check = async (as: string, body: object) => {
      const res = await post(as, "/api/duplicates/check", body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().matches as { person: { id: string; name: string }; reasons: string[] }[];
    };

    it("finds a sound-alike name with the same birth date and mother in the desa, not another mother's child", async () => {
      const saved = await post("kader.melati", "/api/persons", CHILD);
      expect(saved.statusCode, saved.body).toBe(201);
      const probe = {
        regionCode: "64.01.05.2003.P02",
        name: "Mohamad Rizky",
        birthDate: "2025-03-01",
        parentName: "Siti Aminah",
      };
      const matches = await check("kpm.sandeley", probe);
      expect(matches).toHaveLength(1);
      expect(matches[0]?.person.name).toBe("Muhammad Rizki");
      expect(matches[0]?.reasons).toContain("mother_name_alike");
      expect(await check("kpm.sandeley", { ...probe, parentName: "Dewi Lestari" })).toEqual([]);
      expect(await check("kpm.sandeley", { ...probe, birthDate: "2025-03-02" })).toEqual([]);
      // The same NIK under another name.
      const byNik = await check("kpm.sandeley", { ...probe, name: "Rizal", nik: CHILD.nik });
      expect(byNik.map((m) => m.reasons)).toEqual([["same_nik"]]);
    });

    it("never confirms a NIK registered outside the caller's area; the viewer may not ask (403)", async () => {
      const other = await post("tpps.kuaro", "/api/persons", {
        ...CHILD,
        regionCode: "64.01.05.2004",
        nik: "6401050103250009",
      });
      expect(other.statusCode, other.body).toBe(201);
      const matches = await check("kpm.sandeley", {
        regionCode: "64.01.05.2003",
        name: "Anak Lain",
        birthDate: "2024-01-01",
        nik: "6401050103250009",
      });
      expect(matches).toEqual([]);
      const viewer = await post("peninjau", "/api/duplicates/check", {
        regionCode: "64.01.05.2003",
        name: "Muhammad Rizki",
        birthDate: "2025-03-01",
      });
      expect(viewer.statusCode).toBe(403);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
