/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");

describe("the PWA in Chromium at 360 px", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(page: Page, username: string) {
    await signIn(page, server.url, username);
  }

  it("a KPM logs in, sees its desa with its posyandu, and gets 'not found' for another desa", async () => {
    const page = await context.newPage();
    await login(page, "kpm.sandeley");
    // The desa's own page: the home page also links Sandeley's reports page from the inbox (reports due),
    // and whichever of the two renders first must not decide where the test goes.
    await page.locator('a[href="/wilayah/64.01.05.2003"]').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/wilayah/64.01.05.2003");
    await page.getByText("Posyandu Melati").waitFor();
    await page.screenshot({ path: join(SHOTS, "kpm-desa.png"), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    for (const other of ["64.01.05.2004", "64.01.05", "64.01.06.2001"]) {
      await page.goto(`${server.url}/wilayah/${other}`);
      await page.getByTestId("not-found").waitFor();
      expect(await page.getByTestId("not-found").textContent()).toContain("Tidak ditemukan");
      expect(await page.content()).not.toContain("Harapan Baru");
    }
    await page.screenshot({ path: join(SHOTS, "kpm-not-found.png") });
    await page.close();
  });

  it("a TPPS kecamatan browses all desa of Kuaro and not another kecamatan", async () => {
    await context.clearCookies();
    const page = await context.newPage();
    await login(page, "tpps.kuaro");
    await page.goto(`${server.url}/wilayah/64.01.05`);
    await page.getByText("Keluang Paser Jaya").waitFor();
    for (const desa of ["Sandeley", "Harapan Baru", "Lolo", "Pondong Baru"]) {
      expect(await page.getByText(desa, { exact: true }).count(), desa).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(SHOTS, "tpps-kecamatan.png"), fullPage: true });
    await page.goto(`${server.url}/wilayah/64.01.06`);
    await page.getByTestId("not-found").waitFor();
    await page.close();
  });

  it("after the first visit the app loads offline", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load may not be controlled yet; a reload is.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.locator("#root *").first().waitFor();
      expect(await page.title()).toContain("Tumbuh");
      await page.screenshot({ path: join(SHOTS, "offline-reload.png") });
    } finally {
      await context.setOffline(false);
    }
    await page.close();
  });
});
