import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseCsv, periodLabel, SYSTEM_ACTOR, toDhis2Period } from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { slug } from "../../documents/file-name";
import { testApi } from "../../testing/api";
import { adxProblems, DataValueSetJson, DHIS2_CSV_HEADER } from "../../testing/dhis2-formats";
import { describeEachDialect } from "../../testing/dialects";
import { describeSummary, pushDataValues } from "./push";
import { buildDhis2Export, loadDhis2Mapping } from "./service";

const TODAY = new Date().toISOString().slice(0, 10);
// The demo weighs the months before this one: export last month.
const MONTH = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);
const DESA = ["64.01.05.2003", "64.01.05.2002", "64.01.05.1001", "64.01.03.2003"];

describeEachDialect(
  "DHIS2 export",
  (db) => {
    it("downloads a demo month as dataValueSets JSON that matches DHIS2's shape and the dashboard's counts", async () => {
      const api = await testApi(db());
      const res = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/dhis2/export?region=64.01&period=${MONTH}&format=json`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-disposition"]).toContain(
        `dhis2-kabupaten-paser-${slug(periodLabel(MONTH))}.json`,
      );
      const set = DataValueSetJson.parse(res.json());
      expect(set.period).toBe(toDhis2Period(MONTH));
      expect(set.dataSet).toBe("TMB_GIZI_BALITA");
      // Counts only, each a whole number written as a string.
      expect(set.dataValues.every((v) => /^\d+$/.test(v.value))).toBe(true);
      const sum = (de: string, ou: string) =>
        set.dataValues
          .filter((v) => v.dataElement === de && v.orgUnit === ou)
          .reduce((a, v) => a + Number(v.value), 0);
      const dash = (
        await api.request("tpps.paser", {
          method: "GET",
          url: `/api/indicators/dashboard?region=64.01&period=${MONTH}`,
        })
      ).json();
      expect(sum("TMB_BALITA_S", "OU_6401")).toBe(dash.panel.coverage.denominator);
      expect(sum("TMB_BALITA_D", "OU_6401")).toBe(dash.panel.coverage.numerator);
      expect(sum("TMB_TBU_SANGAT_PENDEK", "OU_6401") + sum("TMB_TBU_PENDEK", "OU_6401")).toBe(
        dash.panel.stunting.numerator,
      );
      expect(sum("TMB_TBU_DIUKUR", "OU_6401")).toBe(dash.panel.stunting.denominator);
      expect(sum("TMB_BALITA_D", "OU_6401")).toBeGreaterThan(0);
      // Kecamatan values add up into the regency's where the kecamatan are the only ones with children.
      expect(sum("TMB_BALITA_S", "OU_640105") + sum("TMB_BALITA_S", "OU_640103")).toBe(
        sum("TMB_BALITA_S", "OU_6401"),
      );
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "after_json"])
        .where("action", "=", "dhis2.export")
        .execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it("writes DHIS2's CSV columns and a structurally valid ADX message of the same values", async () => {
      const api = await testApi(db());
      const csv = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/dhis2/export?region=64.01&period=${MONTH}&format=csv`,
      });
      expect(csv.statusCode).toBe(200);
      const [header, ...rows] = parseCsv(csv.body).map((r) => r.fields);
      expect(header).toEqual(DHIS2_CSV_HEADER);
      for (const r of rows) {
        expect(r).toHaveLength(10);
        expect(r[1]).toBe(toDhis2Period(MONTH));
        expect(r[5]).toMatch(/^\d+$/);
        expect(r[9]).toBe("false");
      }
      const adx = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/dhis2/export?region=64.01&period=${MONTH}&format=adx`,
      });
      expect(adx.statusCode).toBe(200);
      expect(adx.headers["content-type"]).toContain("application/adx+xml");
      expect(adxProblems(adx.body)).toEqual([]);
      expect(adx.body).toContain(`period="${MONTH}-01/P1M"`);
      // Same number of values in each format.
      expect((adx.body.match(/<dataValue /g) ?? []).length).toBe(rows.length);
    });

    it("says per region whether DHIS2 links make sense: a desa has no org unit, its kecamatan has (issue 16)", async () => {
      const api = await testApi(db());
      const ask = async (as: string, region: string) =>
        api.request(as, { method: "GET", url: `/api/dhis2/availability?region=${region}` });
      const desa = await ask("kpm.sandeley", "64.01.05.2003");
      expect(desa.statusCode, desa.body).toBe(200);
      expect(desa.json()).toEqual({
        available: false,
        mappedAbove: { code: "64.01.05", name: "Kuaro", kind: "kecamatan" },
        mappingBroken: false,
      });
      // The export the dashboard no longer links answers 409 export_mapping, as the issue found.
      const refused = await api.request("kpm.sandeley", {
        method: "GET",
        url: `/api/dhis2/export?region=64.01.05.2003&period=${MONTH}&format=json`,
      });
      expect(refused.json().error.code).toBe("export_mapping");
      expect((await ask("tpps.kuaro", "64.01.05")).json()).toMatchObject({
        available: true,
        mappedAbove: null,
      });
      expect((await ask("tpps.paser", "64.01")).json()).toMatchObject({ available: true });
      expect((await ask("kpm.sandeley", "64.01.05.2004")).statusCode).toBe(404);
      await api.app.close();
    });

    it("exports a quarter (which the dashboard does not keep) and keeps a kecamatan user to its kecamatan", async () => {
      const api = await testApi(db());
      const q = `${MONTH.slice(0, 4)}-Q${Math.floor((Number(MONTH.slice(5, 7)) - 1) / 3) + 1}`;
      const res = await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/dhis2/export?region=64.01.05&period=${q}&format=json`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const set = DataValueSetJson.parse(res.json());
      expect(set.period).toBe(toDhis2Period(q));
      expect(new Set(set.dataValues.map((v) => v.orgUnit))).toEqual(new Set(["OU_640105"]));
      const outside = await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/dhis2/export?region=64.01.03&period=${MONTH}`,
      });
      expect(outside.statusCode).toBe(404);
    });

    it("pushes to a DHIS2-like server with an ApiToken, dry run first, and reads its import summary", async () => {
      const seen: { url: string; auth: string | undefined; type: string | undefined; body: string }[] = [];
      // Answers like DHIS2 ≥ 2.38's /api/dataValueSets: a web message wrapping the ImportSummary.
      const server = createServer((req, res) => {
        let body = "";
        req.on("data", (c) => {
          body += c;
        });
        req.on("end", () => {
          seen.push({
            url: req.url ?? "",
            auth: req.headers.authorization,
            type: req.headers["content-type"],
            body,
          });
          const n = (JSON.parse(body) as { dataValues: unknown[] }).dataValues.length;
          const dry = (req.url ?? "").includes("dryRun=true");
          res.setHeader("content-type", "application/json");
          res.end(
            JSON.stringify({
              httpStatus: "OK",
              httpStatusCode: 200,
              status: "OK",
              message: "Import was successful.",
              response: {
                responseType: "ImportSummary",
                status: "SUCCESS",
                importOptions: { dryRun: dry, idSchemes: {} },
                description: "Import process completed successfully",
                importCount: { imported: dry ? 0 : n, updated: 0, ignored: dry ? n : 0, deleted: 0 },
                conflicts: [],
                dataSetComplete: "false",
              },
            }),
          );
        });
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const mapping = loadDhis2Mapping();
        const { file, values } = await buildDhis2Export(
          db().kysely,
          SYSTEM_ACTOR,
          { period: MONTH, format: "json" },
          mapping,
        );
        const common = {
          url,
          token: "d2pat_test",
          contentType: file.contentType,
          idScheme: mapping.idScheme,
        };
        const dry = await pushDataValues(file.body, { ...common, dryRun: true });
        const real = await pushDataValues(file.body, { ...common, dryRun: false });
        expect(seen.map((s) => s.url)).toEqual([
          "/api/dataValueSets?dryRun=true&idScheme=CODE&importStrategy=CREATE_AND_UPDATE",
          "/api/dataValueSets?dryRun=false&idScheme=CODE&importStrategy=CREATE_AND_UPDATE",
        ]);
        expect(seen[0]?.auth).toBe("ApiToken d2pat_test");
        expect(seen[0]?.type).toBe("application/json");
        expect(dry.importCount.imported).toBe(0);
        expect(real.importCount.imported).toBe(values.length);
        expect(describeSummary(real)).toBe(
          `SUCCESS: ${values.length} imported, 0 updated, 0 ignored, 0 deleted`,
        );
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  },
  {
    once: true,
    seed: async (db) => void (await ensureDemo(db.kysely, { children: 400, desa: DESA, log: () => {} })),
  },
);
