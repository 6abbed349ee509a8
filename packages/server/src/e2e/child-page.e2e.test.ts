/// <reference lib="dom" />
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");

describe("a child's page in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);

  it("shows the growth chart with the WHO curves, the history and the alerts, and records a weighing", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kader.melati");

    // A girl registered at Posyandu Melati with a year of monthly weighings drifting below −2 SD.
    const created = await page.request.post(`${live.server.url}/api/persons`, {
      data: {
        regionCode: "64.01.05.2003.P01",
        name: "Nur Aisyah",
        sex: 2,
        birthDate: "2025-03-07",
        parentName: "Rahmawati",
      },
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).person.id as string;
    const months = [
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
    ];
    for (const [i, month] of months.entries()) {
      const res = await page.request.post(`${live.server.url}/api/measurements`, {
        data: {
          personId: id,
          measuredOn: `${month}-10`,
          weightKg: Math.round((6.6 + i * 0.22 - (i > 9 ? (i - 9) * 0.2 : 0)) * 10) / 10,
          lenheiCm: Math.round((62.5 + i * 1.05) * 10) / 10,
          measure: "l",
        },
      });
      expect(res.status(), month).toBe(201);
    }

    await page.goto(`${live.server.url}/anak/${id}`);
    await page.getByRole("heading", { name: "Nur Aisyah" }).waitFor();
    const chart = page
      .getByRole("img")
      .filter({ has: page.locator("path") })
      .first();
    await chart.waitFor();
    expect(await page.locator("svg.growth-chart__svg path").count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByText("Pendek (stunting)").count()).toBeGreaterThan(0);
    expect(await page.getByText("Rujuk ke puskesmas (2T)").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "child-page.png"), fullPage: true });

    await page.locator("svg.growth-chart__svg").screenshot({ path: join(SHOTS, "child-chart-tbu.png") });
    await page.getByRole("button", { name: "BB/PB-TB" }).click();
    await page.locator("svg.growth-chart__svg").screenshot({ path: join(SHOTS, "child-chart-bbtb.png") });

    // Record October's weighing through the form and see the result straight away.
    await page
      .getByRole("button", { name: /Tambah pengukuran/ })
      .first()
      .click();
    await page.getByLabel("Tanggal pengukuran").fill("2026-10-10");
    await page.getByLabel("Berat badan (kg)").fill("9,4");
    await page.getByLabel("Panjang/Tinggi badan (cm)").fill("75,2");
    await page.getByLabel("Diukur telentang", { exact: true }).check();
    await page.getByRole("button", { name: "Simpan pengukuran" }).click();
    await page.getByText(/Hasil pengukuran/).waitFor();
    await page.screenshot({ path: join(SHOTS, "child-measurement-result.png"), fullPage: true });
    const stored = await page.request.get(`${live.server.url}/api/persons/${id}`);
    const last = (await stored.json()).measurements.at(-1);
    expect(last).toMatchObject({ measuredOn: "2026-10-10", weightKg: 9.4, lenheiCm: 75.2, measure: "l" });
    await page.close();
  });

  it("a cadre registers a child through the form and lands on its page", async () => {
    const page = await live.browser.context.newPage();
    await page.goto(`${live.server.url}/wilayah/64.01.05.2003.P01/daftar?jenis=orang`);
    await page.getByLabel("Nama lengkap").fill("Bima Saputra");
    await page.getByLabel("Laki-laki").check();
    await page.getByLabel("Tanggal lahir").fill("2026-02-14");
    await page.getByLabel(/Nama orang tua/).fill("Sri Wahyuni");
    await page.screenshot({ path: join(SHOTS, "register-child.png"), fullPage: true });
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.waitForURL(/\/anak\//);
    await page.getByRole("heading", { name: "Bima Saputra" }).waitFor();
    const id = page.url().split("/anak/")[1]?.split(/[?#]/)[0] ?? "";
    const stored = await (await page.request.get(`${live.server.url}/api/persons/${id}`)).json();
    expect(stored.person).toMatchObject({
      name: "Bima Saputra",
      sex: 1,
      birthDate: "2026-02-14",
      parentName: "Sri Wahyuni",
      regionCode: "64.01.05.2003.P01",
    });
    await page.close();
  });

  it("the posyandu's lists open at 360 px", async () => {
    const page = await live.browser.context.newPage();
    await page.goto(`${live.server.url}/wilayah/64.01.05.2003.P01/sasaran?bulan=2026-09&daftar=stunted`);
    await page.getByText("Nur Aisyah").first().waitFor();
    await page.screenshot({ path: join(SHOTS, "posyandu-lists.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
