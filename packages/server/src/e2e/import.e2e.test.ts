/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { launchChromium, signIn } from "../testing/browser";
import { startLiveServer } from "../testing/live-server";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const SIGIZI = join(import.meta.dirname, "..", "features", "imports", "fixtures", "sigizi-agustus-2026.xls");

const SHORT_ROWS = join(
  import.meta.dirname,
  "..",
  "features",
  "imports",
  "fixtures",
  "sigizi-baris-pendek.xls",
);

/** A SIGIZI HTML export through the import page: checked, reconciled, saved (the job followed). */
describe("the e-PPGBM import page in Chromium", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The wide one only checks (dry run), so the narrow one still finds the rows new when it saves.
  for (const width of [1280, 360]) {
    it(`checks, reconciles and saves the SIGIZI .xls at ${width} px`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.request.post(`${server.url}/api/auth/logout`);
      await signIn(page, server.url, "kpm.sandeley");
      await page.goto(`${server.url}/impor`);
      await page.locator('input[type="file"]').setInputFiles(SIGIZI);
      await page.getByRole("button", { name: "Periksa" }).click();
      const rec = page.getByRole("region", { name: "Rekonsiliasi dengan e-PPGBM" });
      await rec.waitFor();
      await expect(page.getByText(/tabel HTML \(\.xls dari SIGIZI\)/).isVisible()).resolves.toBe(true);
      const cells = await rec
        .getByRole("row", { name: /Eka Putri/ })
        .getByRole("cell")
        .allTextContents();
      expect(cells).toEqual(["9", "Eka Putri", "BB/TB", "status berbeda", "Gizi Buruk", "Gizi baik"]);
      const citra = await rec.getByRole("row", { name: /Citra/ }).getByRole("cell").allTextContents();
      expect(citra.slice(4)).toEqual(["-1,80", "\u22122,30"]);
      expect(await rec.getByRole("link", { name: /Unduh rekonsiliasi/ }).getAttribute("href")).toMatch(
        /^\/api\/imports\/jobs\/[^/]+\/reconciliation\.csv$/,
      );
      await page.screenshot({ path: join(SHOTS, `import-checked-${width}.png`), fullPage: true });
      if (width === 360) {
        await page.getByRole("button", { name: "Simpan" }).click();
        await page.getByText("Impor selesai.").waitFor();
        await page.screenshot({ path: join(SHOTS, `import-saved-${width}.png`), fullPage: true });
      }
      await page.close();
    }, 120_000);
  }

  it("says why each row of a short-row export is refused in Indonesian, and offers the list as CSV", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 900 });
    await page.request.post(`${server.url}/api/auth/logout`);
    await signIn(page, server.url, "kpm.sandeley");
    await page.goto(`${server.url}/impor`);
    await page.locator('input[type="file"]').setInputFiles(SHORT_ROWS);
    await page.getByRole("button", { name: "Periksa" }).click();
    const short = page.getByRole("row", { name: /Baris ini berisi 30 sel, padahal judul kolom ada 37/ });
    await short.waitFor();
    expect((await short.getByRole("cell").allTextContents())[0]).toBe("8");
    await page.getByText(/Baris ini tidak punya sel "Total Pengukuran"/).waitFor();
    // No sentence of the code's English reaches the page.
    expect(await page.locator("body").textContent()).not.toMatch(
      /the row has|cells where the header|is not a/,
    );
    expect(await page.getByRole("link", { name: /Unduh daftar baris ditolak/ }).getAttribute("href")).toMatch(
      /^\/api\/imports\/jobs\/[^/]+\/rejections\.csv$/,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "import-rejected-360.png"), fullPage: true });
    await page.close();
  }, 120_000);
});
