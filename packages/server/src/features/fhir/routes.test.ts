import type { Bundle, FhirResource, Observation, Patient } from "fhir/r4";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { fhirBundleProblems } from "../../testing/fhir-check";

const TODAY = new Date().toISOString().slice(0, 10);
const MONTH = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);
const DESA = ["64.01.05.2003", "64.01.03.2003"];

describeEachDialect(
  "FHIR bundle",
  (db) => {
    it("downloads a desa's month as a transaction Bundle that passes the offline R4 check", async () => {
      const api = await testApi(db());
      const res = await api.request("bidan.sandeley", {
        method: "GET",
        url: `/api/fhir/bundle?region=64.01.05.2003&period=${MONTH}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toContain("application/fhir+json");
      const bundle = res.json() as Bundle<FhirResource>;
      expect(fhirBundleProblems(bundle)).toEqual([]);
      const resources = (bundle.entry ?? []).map((e) => e.resource);
      const patients = resources.filter((r): r is Patient => r?.resourceType === "Patient");
      const observations = resources.filter((r): r is Observation => r?.resourceType === "Observation");
      expect(patients.length).toBeGreaterThan(0);
      // Each patient: NIK or the mother's NIK when it has one, and Kemendagri codes without dots.
      for (const p of patients) {
        for (const id of p.identifier ?? [])
          expect(["https://fhir.kemkes.go.id/id/nik", "https://fhir.kemkes.go.id/id/nik-ibu"]).toContain(
            id.system,
          );
        const admin = p.address?.[0]?.extension?.[0];
        expect(admin?.url).toBe("https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode");
        expect(admin?.extension?.map((x) => x.valueCode)).toEqual(["64", "6401", "640105", "6401052003"]);
      }
      const codes = new Set(observations.map((o) => o.code.coding?.[0]?.code));
      expect(codes).toContain("29463-7");
      expect(codes).toContain("1153593003");
      const z = observations.find((o) => o.code.coding?.[0]?.code === "1153593003");
      expect(z?.valueQuantity?.code).toBe("{Zscore}");
      // One encounter per child per day.
      const encounters = resources.filter((r) => r?.resourceType === "Encounter");
      const rows = await db()
        .kysely.selectFrom("measurements")
        .select(["person_id", "measured_on"])
        .where("region_code", "like", "64.01.05.2003%")
        .where("deleted_at", "is", null)
        .where("measured_on", ">=", `${MONTH}-01`)
        .where("measured_on", "<=", `${MONTH}-31`)
        .execute();
      expect(encounters).toHaveLength(new Set(rows.map((r) => `${r.person_id}|${r.measured_on}`)).size);
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("action", "=", "fhir.export")
        .execute();
      expect(audit).toHaveLength(1);
    });

    it("is a 404 outside the caller's region", async () => {
      const api = await testApi(db());
      const res = await api.request("bidan.sandeley", {
        method: "GET",
        url: `/api/fhir/bundle?region=64.01.03.2003&period=${MONTH}`,
      });
      expect(res.statusCode).toBe(404);
    });
  },
  {
    once: true,
    seed: async (db) => void (await ensureDemo(db.kysely, { children: 60, desa: DESA, log: () => {} })),
  },
);
