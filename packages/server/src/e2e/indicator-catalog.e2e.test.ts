/// <reference lib="dom" />
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");

describe("the indicator catalog page in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);

  async function login(page: Page, username: string) {
    await page.request.post(`${live.server.url}/api/auth/logout`);
    await signIn(page, live.server.url, username);
  }

  it("a viewer reads every indicator grouped as the regulation writes them, without edit forms", async () => {
    const page = await live.browser.context.newPage();
    await login(page, "peninjau");
    await page.getByRole("link", { name: /Katalog indikator kinerja/ }).click();
    await page.getByRole("heading", { name: "Katalog indikator kinerja", level: 1 }).waitFor();
    for (const heading of [
      "Pasal 6 — Target prevalensi Stunting",
      "Pasal 7 — Indikator kinerja",
      "Lampiran A — Target antara",
      "Pilar 5 — Sistem, data, informasi, riset, dan inovasi",
    ])
      await page.getByRole("heading", { name: heading }).waitFor();
    expect(await page.locator("li[data-indicator]").count()).toBe(108);
    const p6 = page.locator('[data-indicator="pasal6.1.2024"]');
    expect(await p6.textContent()).toContain("21% (dua puluh satu persen) pada tahun 2024");
    expect(await p6.textContent()).toContain("makin kecil makin baik");
    const f = page.locator('[data-indicator="pasal7.f"]');
    expect(await f.textContent()).toContain("Target dari Lampiran A a.7");
    expect(await f.textContent()).toContain("Dihitung otomatis");
    expect(await page.getByRole("button", { name: "Ubah target" }).count()).toBe(0);
    expect(await page.getByText("Impor berkas katalog").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "indicators-viewer.png") });
    await page.locator("#cat-P1").scrollIntoViewIfNeeded();
    await page.locator('[data-indicator="annex.P1.a.1"] summary').click();
    await page
      .locator('[data-indicator="annex.P1.a.1"]')
      .screenshot({ path: join(SHOTS, "indicators-item.png") });
    await page.close();
  });

  it("the regency admin edits a target, exports the file and imports it back; a bad file is explained", async () => {
    const page = await live.browser.context.newPage();
    await login(page, "admin");
    await page.goto(`${live.server.url}/indikator`);
    const item = page.locator('[data-indicator="annex.A.a.1"]');
    await item.getByRole("button", { name: "Ubah target" }).click();
    await item.getByLabel("Nilai target").fill("95");
    await item.getByLabel("Teks target").fill("Target: 95%");
    await item.getByLabel(/Tahun pencapaian/).fill("2026");
    await item.screenshot({ path: join(SHOTS, "indicators-edit.png") });
    await item.getByRole("button", { name: "Simpan" }).click();
    await page.getByText("Target Lampiran A a.1 disimpan (versi 2).").waitFor();
    await item.getByText("Target: 95%").waitFor();
    expect(await item.textContent()).toContain("Tahun 2026");
    // Bad input stays in the form with the reason.
    const b = page.locator('[data-indicator="pasal7.c"]');
    await b.getByRole("button", { name: "Ubah target" }).click();
    await b.getByLabel("Nilai target").fill("sembilan");
    await b.getByRole("button", { name: "Simpan" }).click();
    await b.getByText("Isi dengan angka.").waitFor();
    await b.getByRole("button", { name: "Batal" }).click();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh berkas katalog (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("katalog-indikator-kabupaten-paser-v2.json");
    const saved = join(SHOTS, "..", "katalog-export.json");
    await download.saveAs(saved);
    const file = JSON.parse(readFileSync(saved, "utf8"));
    expect(file.indicators).toHaveLength(108);
    expect(file.indicators.find((d: { id: string }) => d.id === "annex.A.a.1").target.value).toBe(95);

    const bad = structuredClone(file);
    bad.indicators[3].target.kind = "litre";
    const badPath = join(SHOTS, "..", "katalog-bad.json");
    writeFileSync(badPath, JSON.stringify(bad));
    await page.locator('input[type="file"]').setInputFiles(badPath);
    await page.getByText("Berkas katalog tidak valid. Rincian:").waitFor();
    expect(await page.getByText(/indicator 4 \(pasal7\.b\) target\.kind/).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "indicators-import-error.png") });

    file.indicators = file.indicators.filter((d: { id: string }) => !d.id.startsWith("annex.P5."));
    const goodPath = join(SHOTS, "..", "katalog-import.json");
    writeFileSync(goodPath, JSON.stringify(file));
    await page.locator('input[type="file"]').setInputFiles(goodPath);
    await page.getByText("Katalog diimpor: versi 3, 91 indikator.").waitFor();
    expect(await page.locator("li[data-indicator]").count()).toBe(91);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "indicators-admin.png") });
    await page.close();
  });
});
