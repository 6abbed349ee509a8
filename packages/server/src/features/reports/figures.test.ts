import { SYSTEM_ACTOR } from "@tumbuh/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { freshDatabase } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";
import { getDashboard } from "../indicators/service";
import { buildScorecard } from "../services/service";
import { skdnFigures } from "../skdn/service";
import { tikaCountsOf } from "../tika/service";
import { liveReport, reportPdf } from "./service";

const SANDELEY = "64.01.05.2003";
const TODAY = "2026-11-22";
const YEAR = "2025";

let db: Db;
beforeAll(async () => {
  db = await freshDatabase("sqlite");
  await ensureDemo(db.kysely, { children: 400, desa: [SANDELEY], today: TODAY, log: () => {} });
}, 120_000);
afterAll(async () => db.close());

describe("the yearly desa report (PALI Pasal 40)", () => {
  it("carries the figures `tumbuh scorecard` and `tumbuh indicators` give for the same desa and year", async () => {
    const report = await liveReport(db.kysely, SYSTEM_ACTOR, {
      kind: "desa_yearly",
      regionCode: SANDELEY,
      period: YEAR,
    });
    const section = (code: string) => {
      const s = report.figures.sections.find((x) => x.code === code);
      if (!s) throw new Error(`no section ${code}`);
      return s;
    };
    const value = (code: string, key: string) => section(code).figures.find((f) => f.key === key)?.value;

    // What `tumbuh scorecard --region … --period 2025` prints (its JSON is this view).
    const { view: card } = await buildScorecard(db.kysely, SYSTEM_ACTOR, SANDELEY, YEAR);
    expect(card.totals.targets).toBeGreaterThan(0);
    expect(value("scorecard", "convergence_percent")).toBe(card.totals.percent);
    expect(value("scorecard", "y")).toBe(card.totals.y);
    expect(value("scorecard", "t")).toBe(card.totals.t);
    expect(value("scorecard", "ts")).toBe(card.totals.ts);
    expect(value("scorecard", "targets")).toBe(card.totals.targets);
    for (const g of card.totals.groups)
      expect(value("scorecard", `group.${g.group}.percent`)).toBe(g.percent);
    const perIndicator = section("scorecard").tables[0]?.rows ?? [];
    expect(perIndicator).toHaveLength(
      card.totals.groups.reduce((n, g) => n + Object.keys(g.indicators).length, 0),
    );
    // Pasal 40(2) a and c: the scorecard's own target groups.
    expect(value("targets_1000hpk", "a_pregnant")).toBe(
      card.totals.groups.find((g) => g.group === "ibu_hamil")?.targets,
    );
    expect(value("targets_1000hpk", "c_children_0_23")).toBe(
      card.totals.groups.find((g) => g.group === "anak_0_23")?.targets,
    );

    // What `tumbuh indicators --region … --period 2025 --format json` prints (value, n, N, status per id).
    const dash = await getDashboard(db.kysely, SYSTEM_ACTOR, { region: SANDELEY, period: YEAR });
    const rows = section("indicators").tables[0]?.rows ?? [];
    expect(rows.map((r) => r[0])).toEqual(dash.indicators.map((f) => f.indicatorId));
    expect(rows.map((r) => [r[2], r[4], r[5]])).toEqual(
      dash.indicators.map((f) => [f.value, f.numerator, f.denominator]),
    );
    expect(dash.indicators.some((f) => f.value !== null)).toBe(true);
    expect(value("indicators", "indicators_met")).toBe(
      dash.indicators.filter((f) => f.status === "green").length,
    );

    // Pasal 40(2) d–f and (4): what `tumbuh tika --region … --period 2025` prints for the desa (features/tika).
    const tika = (await tikaCountsOf(db.kysely, [""], SANDELEY, YEAR)).total;
    expect(tika.merah + tika.kuning + tika.hijau).toBeGreaterThan(0);
    expect([
      value("targets_1000hpk", "d_tika_stunted"),
      value("targets_1000hpk", "e_tika_at_risk"),
      value("targets_1000hpk", "f_tika_not_stunted"),
    ]).toEqual([tika.merah, tika.kuning, tika.hijau]);
    expect([
      value("tika", "tika_stunted"),
      value("tika", "tika_at_risk"),
      value("tika", "tika_not_stunted"),
      value("tika", "tika_not_measured"),
      value("tika", "tika_children"),
    ]).toEqual([tika.merah, tika.kuning, tika.hijau, tika.notMeasured, tika.children]);
  }, 120_000);

  it("the monthly desa report carries the SKDN the SKDN page gives for the desa and month", async () => {
    const report = await liveReport(db.kysely, SYSTEM_ACTOR, {
      kind: "desa_monthly",
      regionCode: SANDELEY,
      period: "2025-09",
    });
    const skdn = report.figures.sections.find((x) => x.code === "skdn");
    const page = await skdnFigures(db.kysely, [""], SANDELEY, "2025-09");
    const value = (key: string) => skdn?.figures.find((f) => f.key === key)?.value;
    expect([value("s"), value("k"), value("d"), value("n")]).toEqual([
      page.total.s,
      page.total.k,
      page.total.d,
      page.total.n,
    ]);
    expect(value("d_s")).toBe(page.total.ds);
    expect(page.total.s).toBeGreaterThan(0);
    expect(skdn?.tables[0]?.rows.map((r) => r[0])).toEqual(page.rows.map((r) => r.name));
  }, 120_000);

  it("the monthly desa report (PALI Pasal 37) carries the tika counts of the desa and month", async () => {
    const report = await liveReport(db.kysely, SYSTEM_ACTOR, {
      kind: "desa_monthly",
      regionCode: SANDELEY,
      period: "2026-10",
    });
    const section = report.figures.sections.find((x) => x.code === "tika");
    const value = (key: string) => section?.figures.find((f) => f.key === key)?.value;
    const tika = await tikaCountsOf(db.kysely, [""], SANDELEY, "2026-10");
    expect(tika.total.fromReading).toBeGreaterThan(0);
    expect([value("tika_stunted"), value("tika_at_risk"), value("tika_not_stunted")]).toEqual([
      tika.total.merah,
      tika.total.kuning,
      tika.total.hijau,
    ]);
    expect(section?.tables[0]?.rows.map((r) => r[0])).toEqual(tika.rows.map((r) => r.name));
  }, 120_000);

  it("prints those figures in its PDF, with the article and the signatories", async () => {
    const report = await liveReport(db.kysely, SYSTEM_ACTOR, {
      kind: "desa_yearly",
      regionCode: SANDELEY,
      period: YEAR,
    });
    const pdf = await reportPdf(report);
    pdfToPngs(pdf, "report-desa-yearly", 60);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("LAPORAN TAHUNAN KONVERGENSI PENCEGAHAN STUNTING DESA");
    expect(text).toContain("Perbup PALI 64/2021 Pasal 40");
    expect(text).toContain("Sandeley — Tahun 2025");
    expect(text).toContain("a. Total ibu hamil");
    expect(text).toContain("Hasil pengukuran tika pertumbuhan");
    expect(text).toContain("terindikasi stunting (tika, merah)");
    expect(text).toContain("Wali Desa");
    const conv = report.figures.sections.find((s) => s.code === "scorecard")?.figures[0]?.value ?? null;
    expect(text).toContain(
      new Intl.NumberFormat("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        conv ?? 0,
      ),
    );
  }, 120_000);
});
