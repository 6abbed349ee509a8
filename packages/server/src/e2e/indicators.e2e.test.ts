/// <reference lib="dom" />
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";
import { pdfText, pdfToPngs } from "../testing/pdf";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const YEAR = new Date().getUTCFullYear();

describe("indicator dashboard and public publication in Chromium", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A small population in every desa: enough for figures, and small desa to suppress.
    server = await startLiveServer({ children: 3000, log: () => {} });
    browser = await launchChromium({ width: 1280, height: 900 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(username: string) {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  it("shows the regency dashboard, drills down to a kecamatan and a desa, filters by agency, enters a value", async () => {
    const page = await login("dinkes");
    await page.goto(`${server.url}/wilayah/64.01`);
    await page.getByRole("link", { name: /Indikator & capaian/ }).click();
    await page.waitForURL(/\/wilayah\/64\.01\/indikator/);
    await expect
      .poll(() => page.getByRole("heading", { name: "Capaian indikator Kabupaten Paser" }).count())
      .toBe(1);
    const stunting = page.locator(".ind-card").filter({ hasText: "Prevalensi stunting" });
    await expect.poll(() => stunting.textContent()).toMatch(/IK 95%: \d+,\d–\d+,\d%/);
    expect(await page.locator(".ind-card").filter({ hasText: "Cakupan penimbangan" }).textContent()).toMatch(
      /dari [\d.]+ balita terdaftar/,
    );
    expect(await page.locator(".trend svg").count()).toBe(4);
    expect(await page.locator(".ind-table tbody tr").count()).toBe(10);
    await page.screenshot({ path: join(SHOTS, "indicators-regency-1280.png"), fullPage: true });

    // Drill down: Kuaro, then Sandeley.
    await page.getByRole("link", { name: "Kuaro", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Capaian indikator Kuaro" }).count()).toBe(1);
    expect(await page.locator(".ind-table tbody tr").count()).toBeGreaterThan(5);
    await page.getByRole("link", { name: "Sandeley", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Capaian indikator Sandeley" }).count())
      .toBe(1);
    expect(await page.locator(".ind-path").textContent()).toContain("Kabupaten Paser › Kuaro › Sandeley");

    // The agency view: only Dinas PUTR's indicators.
    await page.goto(`${server.url}/wilayah/64.01/indikator`);
    await page.getByLabel("Penanggung jawab").selectOption("Dinas PUTR");
    await expect
      .poll(() => page.getByRole("heading", { name: "Indikator dengan penanggung jawab Dinas PUTR" }).count())
      .toBe(1);
    const items = await page.locator(".ind-item__meta").allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const m of items) expect(m).toContain("Dinas PUTR");

    // Dinkes enters the immunisation figure for the year.
    await page.goto(`${server.url}/wilayah/64.01/indikator?periode=${YEAR}`);
    const imun = page.locator(".ind-item").filter({ hasText: "imunisasi dasar lengkap" }).first();
    await imun.getByRole("button", { name: "Isi nilai" }).click();
    await imun.getByLabel("Pembilang").fill("4210");
    await imun.getByLabel("Penyebut").fill("4700");
    await imun.getByLabel("Keterangan / sumber data").fill("Laporan PWS imunisasi");
    await imun.getByRole("button", { name: "Simpan" }).click();
    await expect.poll(() => imun.textContent()).toMatch(/89,6%.*diisi oleh dinkes/);

    // A download is a real file.
    const csv = await page.request.get(
      `${server.url}/api/indicators/dashboard/export?region=64.01&period=${YEAR}&format=csv&figure=wilayah`,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/Kuaro/);
    await page.close();
  });

  it("fits a phone at 360 px", async () => {
    const page = await login("tpps.kuaro");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/wilayah/64.01.05/indikator`);
    await expect.poll(() => page.locator(".ind-card").count()).toBe(4);
    await expect.poll(() => page.locator(".trend svg").count()).toBe(4);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, "indicators-kecamatan-360.png"), fullPage: true });
    // Viewport-sized shots a person can read: the top, the trends, the drill-down table.
    await page.screenshot({ path: join(SHOTS, "indicators-kecamatan-360-top.png") });
    await page.locator("#ind-trends").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "indicators-kecamatan-360-trends.png") });
    await page.locator("#ind-rows").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "indicators-kecamatan-360-rows.png") });
    await page.close();
  });

  it("publishes the year without login: aggregates, <5 for small counts, PDF and CSV", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/publikasi/${YEAR}`);
    await expect
      .poll(() => page.getByRole("heading", { name: `Data stunting Kabupaten Paser tahun ${YEAR}` }).count())
      .toBe(1);
    expect(page.url()).toContain("/publikasi/");
    const cells = await page.locator(".pub-table td").allTextContents();
    expect(cells).toContain("<5");
    // No count from 1 to 4 is on the page.
    for (const c of cells) expect(c).not.toMatch(/^[1-4]$/);
    await page.screenshot({ path: join(SHOTS, "publication-1280.png"), fullPage: false });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(SHOTS, "publication-360.png"), fullPage: false });
    const bars = page.locator(".pub-bars");
    expect(await bars.locator(".pub-bar").count()).toBe(10);
    expect((await bars.boundingBox())?.height ?? 0).toBeGreaterThan(150);
    await bars.screenshot({ path: join(SHOTS, "publication-360-bars.png") });
    await page.locator("#pub-table").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "publication-360-table.png"), fullPage: false });

    const pdf = await page.request.get(`${server.url}/api/public/publication/${YEAR}/pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = Buffer.from(await pdf.body());
    writeFileSync(join(SHOTS, "publication.pdf"), bytes);
    expect(pdfText(bytes)).toContain("<5");
    const pngs = pdfToPngs(bytes, "publication", 70);
    expect(pngs.length).toBeGreaterThan(1);
    await page.close();
  });
});
