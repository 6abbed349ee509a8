import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";

const CHILD = {
  regionCode: "64.01.05.2003.P01",
  name: "Aisyah Putri",
  sex: 2,
  birthDate: "2025-01-15",
  parentName: "Siti Aminah",
};
// Rising, then flat twice (Buku KIA 2023 p. 54: "grafik BB mendatar" = T).
const WEIGHINGS = [
  ["2026-05-10", 8.0],
  ["2026-06-10", 8.4],
  ["2026-07-10", 8.4],
  ["2026-08-10", 8.4],
] as const;

describeEachDialect(
  "the child's KMS growth card (PDF)",
  (db, dialect) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });

    it("prints the child's name, place by name, dates in words, each weighing with N or T, the source; audited", async () => {
      const child = await post("kader.melati", "/api/persons", CHILD);
      expect(child.statusCode, child.body).toBe(201);
      const id = child.json().person.id as string;
      for (const [day, w] of WEIGHINGS) {
        const m = await post("kader.melati", "/api/measurements", {
          personId: id,
          measuredOn: day,
          weightKg: w,
        });
        expect(m.statusCode, m.body).toBe(201);
      }
      const res = await api.request("bidan.sandeley", {
        method: "GET",
        url: `/api/persons/${id}/growth-card.pdf`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toContain("kms-aisyah-putri.pdf");
      expect(pdfToPngs(res.rawPayload, `kms-${dialect}`, 60).length).toBe(1);
      const text = pdfText(res.rawPayload).replace(/\s+/g, " ");
      expect(text).toContain("KARTU MENUJU SEHAT (KMS) — ANAK PEREMPUAN");
      expect(text).toContain("Aisyah Putri");
      expect(text).toContain("15 Januari 2025");
      expect(text).toContain("Posyandu Melati");
      expect(text).not.toContain("64.01.05");
      // One row per weighing: date in words, weight with a decimal comma, its N/T letter.
      expect(text).toMatch(/10 Mei 2026 \d+,\d+ 8,0 B/);
      expect(text).toMatch(/10 Juni 2026 \d+,\d+ 8,4 N/);
      expect(text).toMatch(/10 Juli 2026 \d+,\d+ 8,4 T/);
      expect(text).toMatch(/10 Agustus 2026 \d+,\d+ 8,4 T/);
      expect(text).toContain("Buku KIA 2023, hal. 54");
      expect(text).toContain("Umur (bulan)");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "region_code", "actor_name"])
        .where("entity_id", "=", id)
        .where("action", "=", "person.export")
        .execute();
      expect(audit).toEqual([
        { action: "person.export", region_code: "64.01.05.2003.P01", actor_name: "bidan.sandeley" },
      ]);
    });

    it("a child outside the caller's area is not found, and nothing is audited", async () => {
      const child = await post("kpm.sandeley", "/api/persons", { ...CHILD, regionCode: "64.01.05.2003" });
      const id = child.json().person.id as string;
      const res = await api.request("kader.melati", {
        method: "GET",
        url: `/api/persons/${id}/growth-card.pdf`,
      });
      expect(res.statusCode).toBe(404);
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("id")
        .where("action", "=", "person.export")
        .execute();
      expect(audit).toEqual([]);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
