/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { seedHandDesa } from "../features/services/fixture-desa";
import { testApi } from "../testing/api";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");

/** The hand-computed desa of features/services/routes.test.ts, in the browser. */
describe("the desa convergence scorecard in Chromium", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let ids: Awaited<ReturnType<typeof seedHandDesa>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    const api = await testApi(server.db);
    ids = await seedHandDesa(server.db, (as, opts) => api.request(as, opts));
    await api.app.close();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(username: string, width: number) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    // One browser profile for the whole file: sign the previous user out first.
    await page.request.post(`${server.url}/api/auth/logout`);
    await signIn(page, server.url, username);
    return page;
  }

  it("the KPM sees one row per target and the hand-computed figures at 360 px", async () => {
    const page = await login("kpm.sandeley", 360);
    await page.goto(`${server.url}/wilayah/64.01.05.2003`);
    await page.getByRole("link", { name: /Scorecard konvergensi/ }).click();
    await page.waitForURL(/\/scorecard/);
    // The period picker changes the URL; the hand-computed month is further back than it offers.
    const previous = await page.getByLabel("Periode").locator("option").nth(1).getAttribute("value");
    await page.getByLabel("Periode").selectOption(previous ?? "");
    await page.waitForURL(new RegExp(`periode=${previous}`));
    await page.goto(`${server.url}/wilayah/64.01.05.2003/scorecard?periode=2025-09`);
    await page.getByTestId("convergence").filter({ hasText: "50%" }).waitFor();
    const table = page.getByRole("region", { name: /Anak 0–23 bulan/ });
    const andi = table.getByRole("row", { name: /Andi Saputra/ });
    expect(await andi.getByRole("cell").allTextContents()).toEqual([
      "T",
      "Y",
      "Y",
      "Y",
      "TS",
      "Y",
      "T",
      "Y",
      "T",
      "T",
      "55,6%",
    ]);
    expect(await page.getByText("47,1%").count()).toBeGreaterThan(0);
    expect(await page.getByText("57,1%").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "scorecard-desa-360.png"), fullPage: true });

    // Tapping a cell explains it: Wati's ANC is T although a visit is recorded — the panel says which.
    await page
      .getByRole("region", { name: /Ibu hamil/ })
      .getByRole("button", { name: /Wati Lestari: Pemeriksaan kehamilan/ })
      .click();
    const why = page.getByTestId("cell-why");
    await why.getByText("2× di trimester II").waitFor();
    expect(await why.getByText("paling lambat 12 September 2025").count()).toBe(1);
    expect(await why.getByText(/minimal 6 kali/).count()).toBeGreaterThan(0);
    expect(await why.getByText(/Permenkes 21\/2021/).count()).toBeGreaterThan(0);
    expect(await why.getByText("5 Juli 2025", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await why.screenshot({ path: join(SHOTS, "scorecard-cell-why-360.png") });
    await why.getByRole("button", { name: "Tutup" }).click();

    // Who still misses a service: birth certificate is missing for nobody, JKN for both children.
    await page.getByLabel("Indikator").selectOption("anak_jkn");
    const missing = page.getByTestId("missing-list");
    expect(await missing.getByRole("link").count()).toBe(2);
    await missing.getByRole("link", { name: /Bunga Citra/ }).click();

    // Record Bunga's JKN through the form (large touch targets at 360 px): the scorecard follows.
    await page.getByRole("heading", { name: "Catat layanan" }).waitFor();
    await page.getByText("Kepesertaan JKN").click();
    await page.getByLabel("Tanggal").fill("2025-09-25");
    await page.screenshot({ path: join(SHOTS, "scorecard-record-service-360.png"), fullPage: true });
    await page.getByRole("button", { name: "Simpan" }).click();
    // Saved on the phone first (the offline sync), then sent: the history shows it once the server has it.
    await page.getByText("Layanan disimpan di HP").waitFor();
    await page.getByTestId("service-history").getByText("Kepesertaan JKN").waitFor();
    const card = await (
      await page.request.get(`${server.url}/api/regions/64.01.05.2003/scorecard?period=2025-09`)
    ).json();
    const bunga = card.rows.find((r: { personId: string }) => r.personId === ids.bunga);
    expect(bunga.cells.anak_jkn).toEqual(["Y"]);
    expect(card.totals).toMatchObject({ y: 14, t: 12 });
    await page.close();
  });

  it("on a desktop the KPM table and the downloads; the kecamatan drills down to the desa", async () => {
    const page = await login("tpps.kuaro", 1280);
    await page.goto(`${server.url}/wilayah/64.01.05/scorecard?periode=2025-09`);
    await page.getByRole("link", { name: "Sandeley" }).click();
    await page.waitForURL(/64\.01\.05\.2003\/scorecard\?periode=2025-09/);
    await page
      .getByRole("region", { name: /Ibu hamil/ })
      .getByRole("row", { name: /Wati Lestari/ })
      .waitFor();
    const xlsx = page.getByRole("link", { name: /Unduh XLSX/ });
    expect(await xlsx.getAttribute("href")).toBe(
      "/api/regions/64.01.05.2003/scorecard/export?period=2025-09&format=xlsx",
    );
    const [download] = await Promise.all([page.waitForEvent("download"), xlsx.click()]);
    expect(download.suggestedFilename()).toBe("scorecard-konvergensi-desa-sandeley-september-2025.xlsx");
    await page.screenshot({ path: join(SHOTS, "scorecard-desa-desktop.png"), fullPage: true });
    // A child's home-visit cell explains its TS (not gizi buruk/kurang or stunted).
    await page
      .getByRole("region", { name: /Anak 0–23 bulan/ })
      .getByRole("button", { name: /Andi Saputra: Kunjungan rumah/ })
      .click();
    const why = page.getByTestId("cell-why");
    await why.getByText(/bukan sasaran kunjungan rumah/).waitFor();
    await why.screenshot({ path: join(SHOTS, "scorecard-cell-why-desktop.png") });
    await page.goto(`${server.url}/wilayah/64.01.05/scorecard?periode=2025-09`);
    const sandeley = page.getByRole("region", { name: /Per wilayah/ }).getByRole("row", { name: /Sandeley/ });
    await sandeley.waitFor();
    // Bunga's JKN from the first test counts now: 14 of 26, and 9 of 17 for the children 0–23 months.
    expect(await sandeley.getByRole("cell").allTextContents()).toEqual([
      "5",
      "53,8%",
      "57,1%",
      "52,9%",
      "50%",
    ]);
    await page.screenshot({ path: join(SHOTS, "scorecard-kecamatan-desktop.png"), fullPage: true });
    await page.close();
  });

  it("the SKDN report of the desa: a table per posyandu, month picker and downloads, at 360 px and desktop", async () => {
    for (const width of [360, 1280]) {
      const page = await login("kpm.sandeley", width);
      await page.goto(`${server.url}/wilayah/64.01.05.2003/skdn?bulan=2025-09`);
      const table = page.getByTestId("skdn-table");
      await table.waitFor();
      const total = table.locator("tfoot tr");
      // The services fixture: Andi (T, 2T), Bunga (B); Citra and Dedi registered, never weighed.
      expect(await total.locator("td").allTextContents()).toEqual([
        "4",
        "2",
        "2",
        "0",
        "1",
        "1",
        "0",
        "1",
        "0",
        "50%",
        "50%",
        "0%",
      ]);
      expect(await page.getByLabel("Bulan").inputValue()).toBe("2025-09");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SHOTS, `skdn-desa-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
