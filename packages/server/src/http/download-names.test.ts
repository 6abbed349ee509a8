import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Endpoint } from "@tumbuh/core";
import * as core from "@tumbuh/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../db/database";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";

/** Every download core's contract declares (`kind: "file"`), by name. */
function fileEndpoints(): string[] {
  const out: string[] = [];
  for (const [exported, value] of Object.entries(core)) {
    if (!exported.endsWith("Api") || typeof value !== "object" || value === null) continue;
    for (const [key, ep] of Object.entries(value as Record<string, Endpoint>))
      if (typeof ep?.path === "string" && ep.kind === "file") out.push(`${exported}.${key}`);
  }
  return out.sort();
}

/** What a user must never read in a file name (issue 17): a region code, a UUID, an ISO date or period. */
const CODE_LIKE = [
  /\d{2}\.\d{2}/, // 64.01, 64.01.05.2003
  /\d{8}/, // 6401052003, 20260905: codes or dates without separators
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/i, // UUID
  /\d{4}-\d{2}(-\d{2})?/, // 2026-11, 2026-11-05
  /\d{4}-?[QS]\d/i, // 2026-Q3, 2026S1
  /\.P\d|\bP0\d\b/, // posyandu codes
];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9.]+$/;

const SANDELEY = "64.01.05.2003";
const MONTH = "2026-09";

async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 40 });
}

describeEachDialect(
  "download file names",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    /** For each download: who asks and where, built from what the seed holds. */
    let samples: Record<string, { as: string | null; url: string; lang?: "en" }[]>;
    beforeAll(async () => {
      api = await testApi(db());
      const k = db().kysely;
      const child = await api.request("kader.melati", {
        method: "POST",
        url: "/api/persons",
        payload: { regionCode: `${SANDELEY}.P01`, name: "Ayu Lestari", sex: 2, birthDate: "2025-03-01" },
      });
      expect(child.statusCode, child.body).toBe(201);
      const person = child.json().person as { id: string };
      await api.jobs.idle(); // the dashboards' figures rebuilt after the new child (DHIS2 checks against them)
      const screening = await k.selectFrom("catin_screenings").select("id").executeTakeFirstOrThrow();
      const cycle = await k.selectFrom("planning_cycles").select("id").executeTakeFirstOrThrow();
      // An issued report (its document rendered by the issue job).
      const draft = await api.request("desa.sandeley", {
        method: "POST",
        url: "/api/reports",
        payload: { kind: "desa_yearly", regionCode: SANDELEY, period: "2025" },
      });
      expect(draft.statusCode, draft.body).toBeLessThan(300);
      const reportId = draft.json().id as string;
      const signed = await api.request("desa.sandeley", {
        method: "PATCH",
        url: `/api/reports/${reportId}`,
        payload: {
          signatures: [
            { position: "Kepala Desa", name: "H. Abdul Karim" },
            { position: "Kader Pembangunan Manusia (KPM)", name: "Siti Rahmah" },
          ],
        },
      });
      expect(signed.statusCode, signed.body).toBeLessThan(300);
      const issued = await api.request("desa.sandeley", {
        method: "POST",
        url: `/api/reports/${reportId}/issue`,
        payload: {},
      });
      expect(issued.statusCode, issued.body).toBeLessThan(300);
      await api.jobs.idle();
      // An import (dry run) with a reconciliation and rejected rows.
      const file = readFileSync(
        join(import.meta.dirname, "../features/imports/fixtures/sigizi-baris-pendek.xls"),
      );
      const upload = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/imports/measurements?fileName=sigizi-baris-pendek.xls&dryRun=true",
        headers: { "content-type": "application/octet-stream" },
        payload: file,
      });
      expect(upload.statusCode, upload.body).toBe(202);
      const jobId = upload.json().jobId as string;
      await api.jobs.idle();
      const both = (as: string | null, url: string) => [
        { as, url },
        { as, url, lang: "en" as const },
      ];
      samples = {
        "catinApi.certificate": both(
          "bidan.sandeley",
          `/api/catin-screenings/${screening.id}/certificate.pdf`,
        ),
        // A quarter: the DHIS2 check against the dashboards (months and years) needs figures the seed leaves stale.
        "dhis2Api.export": both("tpps.paser", "/api/dhis2/export?region=64.01&period=2026-Q3&format=csv"),
        "fhirApi.bundle": both("kpm.sandeley", `/api/fhir/bundle?region=${SANDELEY}&period=${MONTH}`),
        "importsApi.reconciliationCsv": both("kpm.sandeley", `/api/imports/jobs/${jobId}/reconciliation.csv`),
        "importsApi.rejectionsCsv": both("kpm.sandeley", `/api/imports/jobs/${jobId}/rejections.csv`),
        "indicatorCatalogApi.export": both("admin", "/api/indicators/catalog/export?regency=64.01"),
        "indicatorsApi.dashboardExport": [
          ...both(
            "kpm.sandeley",
            `/api/indicators/dashboard/export?region=${SANDELEY}&period=${MONTH}&format=xlsx`,
          ),
          {
            as: "tpps.kuaro",
            url: `/api/indicators/dashboard/export?region=64.01.05&period=2026-Q3&format=csv&figure=wilayah`,
          },
        ],
        "indicatorsApi.publicationCsv": both(null, "/api/public/publication/2026/csv"),
        "indicatorsApi.publicationPdf": both(null, "/api/public/publication/2026/pdf"),
        "personsApi.growthCard": both("kader.melati", `/api/persons/${person.id}/growth-card.pdf`),
        "planningApi.beritaAcara": both("peninjau", `/api/planning/cycles/${cycle.id}/berita-acara.pdf`),
        "planningApi.overviewCsv": both("tpps.paser", "/api/planning/overview.csv?region=64.01&year=2026"),
        "reportsApi.pdf": both("desa.sandeley", `/api/reports/${reportId}/report.pdf`),
        "reportsApi.xlsx": both("desa.sandeley", `/api/reports/${reportId}/report.xlsx`),
        "satuDataApi.download": both(
          "tpps.kuaro",
          `/api/satu-data/export?region=64.01.05&period=2026&dataset=${core.SATU_DATA_DATASETS[0]?.slug}&part=data`,
        ),
        "servicesApi.scorecardExport": both(
          "kpm.sandeley",
          `/api/regions/${SANDELEY}/scorecard/export?period=${MONTH}&format=xlsx`,
        ),
        "skdnApi.export": both(
          "kpm.sandeley",
          `/api/regions/${SANDELEY}/skdn/export?month=${MONTH}&format=xlsx`,
        ),
        "tikaApi.export": both(
          "kpm.sandeley",
          `/api/regions/${SANDELEY}/tika/export?period=${MONTH}&format=csv`,
        ),
      };
    });
    afterAll(async () => api.app.close());

    it("every download route is tried here (a new one fails until it is added)", () => {
      expect(Object.keys(samples).sort()).toEqual(fileEndpoints());
    });

    it("every download is named by place and period in words: no region code, UUID or ISO date", async () => {
      const names: string[] = [];
      for (const [name, requests] of Object.entries(samples)) {
        for (const { as, url, lang } of requests) {
          const res = await api.request(as, {
            method: "GET",
            url,
            cookies: lang ? { tumbuh_lang: lang } : {},
          });
          expect(res.statusCode, `${name} ${url}: ${res.body.slice(0, 300)}`).toBe(200);
          const header = String(res.headers["content-disposition"] ?? "");
          const fileName = /filename="([^"]+)"/.exec(header)?.[1] ?? "";
          expect(fileName, `${name}: ${header}`).toMatch(SLUG);
          for (const bad of CODE_LIKE) expect(fileName, `${name}: ${fileName}`).not.toMatch(bad);
          names.push(`${lang ?? "id"} ${fileName}`);
        }
      }
      // Place names and periods in words, in the user's language.
      expect(names).toContain("id skdn-desa-sandeley-september-2026.xlsx");
      expect(names).toContain("en skdn-desa-sandeley-september-2026.xlsx");
      expect(names).toContain("id tika-desa-sandeley-september-2026.csv");
      expect(names).toContain("id dhis2-kabupaten-paser-triwulan-iii-2026.csv");
      expect(names).toContain("id indikator-kecamatan-kuaro-triwulan-iii-2026-wilayah.csv");
      expect(names).toContain("en reconciliation-sigizi-baris-pendek.csv");
      expect(names).toContain("id rekonsiliasi-sigizi-baris-pendek.csv");
      expect(names.some((n) => /^en stunting-publication-kabupaten-paser-2026\.pdf$/.test(n))).toBe(true);
      expect(
        names.some((n) =>
          /^id berita-acara-rembuk-stunting-(desa|kelurahan)-[a-z0-9-]+-20\d\d\.pdf$/.test(n),
        ),
      ).toBe(true);
    });
  },
  { seed, once: true },
);
