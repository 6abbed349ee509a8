/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addDays, todayIso } from "@tumbuh/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { seedHandDesa } from "../features/services/fixture-desa";
import { testApi } from "../testing/api";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const P01 = "64.01.05.2003.P01";

/** Issue 17, words and numbers: the KMS button, the referral on a result, the legends, names not codes. */
describe("words, legends, the KMS card and the referral in Chromium", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let childId = "";
  const today = todayIso();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    const api = await testApi(server.db);
    await seedHandDesa(server.db, (as, opts) => api.request(as, opts));
    // A child weighed three months running with a flat weight last month: today's flat weight makes 2T.
    const child = await api.request("kader.melati", {
      method: "POST",
      url: "/api/persons",
      payload: {
        regionCode: P01,
        name: "Budi Rujuk",
        sex: 1,
        birthDate: addDays(today, -600),
        parentName: "Ibu Rina",
      },
    });
    childId = child.json().person.id;
    for (const [days, kg, cm] of [
      [-91, 9.6, 76],
      [-61, 10.0, 77],
      [-30, 10.0, 77.5],
    ] as const) {
      const m = await api.request("kader.melati", {
        method: "POST",
        url: "/api/measurements",
        payload: {
          personId: childId,
          measuredOn: addDays(today, days),
          weightKg: kg,
          lenheiCm: cm,
          measure: "l",
        },
      });
      expect(m.statusCode, m.body).toBe(201);
    }
    await api.app.close();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(username: string, width: number): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.request.post(`${server.url}/api/auth/logout`);
    await signIn(page, server.url, username);
    return page;
  }
  const narrow = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  it("the kader refers a 2T child with one tap on the result", async () => {
    const page = await login("kader.melati", 360);
    await page.goto(`${server.url}/posyandu/${encodeURIComponent(P01)}/anak/${childId}`);
    const form = page.getByTestId("pd-form");
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel("Berat badan (kg)").fill("10,0");
    await form.getByLabel("Panjang/Tinggi badan (cm)").fill("78");
    await form.getByRole("button", { name: "Simpan pengukuran" }).click();
    const refer = page.getByTestId("pd-refer");
    await refer.waitFor();
    const button = refer.getByRole("button", { name: /Rujuk ke puskesmas \(2T/ });
    await button.waitFor();
    await narrow(page);
    await page.screenshot({ path: join(SHOTS, "words-refer-360.png"), fullPage: true });
    await button.click();
    await refer.getByText("Rujukan ke puskesmas dicatat").waitFor();
    await page.screenshot({ path: join(SHOTS, "words-referred-360.png"), fullPage: true });
    await page.close();
  });

  it("the bidan prints the child's KMS from the child's page", async () => {
    for (const width of [360, 1280]) {
      const page = await login("bidan.sandeley", width);
      await page.goto(`${server.url}/anak/${childId}`);
      const link = page.getByRole("link", { name: "Cetak KMS (PDF)" });
      await link.waitFor();
      // The child's place by name, never the code.
      await page.getByText("Posyandu Melati, Desa Sandeley").waitFor();
      expect(await page.getByText(P01).count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, `words-child-kms-${width}.png`), fullPage: true });
      const href = await link.getAttribute("href");
      const pdf = await page.request.get(`${server.url}${href}`);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      await page.close();
    }
  });

  it("the scorecard explains Y, T and TS; the planning overview its marks; a posyandu is named once", async () => {
    for (const width of [360, 1280]) {
      const page = await login("kpm.sandeley", width);
      await page.goto(`${server.url}/wilayah/64.01.05.2003/scorecard?periode=2025-09`);
      await page.getByText("Arti huruf pada tabel").waitFor();
      expect(await page.getByText(/^TS \(tidak sasaran\)/).count()).toBe(1);
      // Each target's posyandu by name, not "P01".
      expect(await page.getByText("P01", { exact: true }).count()).toBe(0);
      if (width === 360) await narrow(page);
      await page.screenshot({ path: join(SHOTS, `words-scorecard-${width}.png`), fullPage: true });
      await page.goto(`${server.url}/wilayah/${P01}`);
      await page.getByRole("heading", { name: "Posyandu Melati" }).waitFor();
      expect(await page.getByText(/Posyandu Posyandu/).count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, `words-posyandu-${width}.png`), fullPage: true });
      await page.close();

      const tpps = await login("tpps.kuaro", width);
      await tpps.goto(`${server.url}/wilayah/64.01.05/rekap-perencanaan`);
      await tpps.getByText("Arti tanda pada tabel").waitFor();
      await tpps.screenshot({ path: join(SHOTS, `words-planning-overview-${width}.png`), fullPage: true });
      await tpps.close();
    }
  });
});
