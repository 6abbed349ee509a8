/// <reference lib="dom" />
import { join } from "node:path";
import { addDays, todayIso } from "@tumbuh/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

// Tika pertumbuhan (PALI 64/2021 Pasal 30 huruf a, 40 ayat (2) d–f): a KPM without signal records the colour a
// child of 10 months shows on the mat; it stays on the phone, is sent once when the signal returns, and the
// desa's tika page counts it for the month.
const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const DESA = "64.01.05.2003";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `tika-${name}.png`), fullPage: true });
const pendingCount = (page: Page) => page.getByTestId("sync-pending").getAttribute("data-count").then(Number);

describe("tika pertumbuhan in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);
  const today = todayIso();

  it("records a reading offline, sends it once, and the desa's tika page counts it", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kpm.sandeley");
    const call = async (method: "GET" | "POST", url: string, data?: object) => {
      const res = await page.request.fetch(`${live.server.url}${url}`, { method, ...(data ? { data } : {}) });
      expect(res.status(), `${url} ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const child = await call("POST", "/api/persons", {
      regionCode: `${DESA}.P01`,
      name: "Nadia Tika",
      sex: 2,
      birthDate: addDays(today, -300),
    });
    const childId: string = child.person.id;

    // Online once: the app and the child's pages are kept on the phone.
    await page.goto(`${live.server.url}/tika/anak/${childId}`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole("heading", { name: "Tika pertumbuhan" }).waitFor();
    await page.getByText("Belum ada hasil tika maupun pengukuran panjang badan.").waitFor();
    await expect
      .poll(() => page.getByTestId("sync-bar").textContent(), { timeout: 20_000 })
      .toContain("Sinkron terakhir");

    // No signal: the KPM reads yellow at the child's heel.
    await live.browser.context.setOffline(true);
    await page.reload();
    await page.getByText("Kuning — berisiko stunting").click();
    await shot(page, "01-form-offline");
    await page.getByRole("button", { name: "Simpan hasil tika" }).click();
    await page.getByText("Tersimpan di HP").waitFor();
    await expect.poll(() => page.getByTestId("tika-history").innerText()).toMatch(/Kuning.*belum terkirim/);
    expect(await pendingCount(page)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "02-saved-offline");

    // Signal returns: sent by itself, once; the result now is the reading.
    await live.browser.context.setOffline(false);
    await expect.poll(() => pendingCount(page), { timeout: 20_000 }).toBe(0);
    await page
      .getByTestId("tika-result")
      .getByText("Kuning — berisiko stunting")
      .waitFor({ timeout: 20_000 });
    await page.getByText(/Pembacaan tika terakhir/).waitFor();
    await shot(page, "03-sent");
    const rows = await live.server.db.kysely
      .selectFrom("tika_readings")
      .selectAll()
      .where("person_id", "=", childId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ band: "kuning", created_by: "kpm.sandeley", measured_on: today });

    // The desa's page for this month counts her under Posyandu Melati.
    const month = today.slice(0, 7);
    const counts = await call("GET", `/api/regions/${DESA}/tika?period=${month}`);
    await page.goto(`${live.server.url}/wilayah/${DESA}/tika?periode=${month}`);
    await page.getByRole("heading", { name: "Hasil tika pertumbuhan" }).waitFor();
    // At 360 px one card per area; the desa's total card carries the API's figures.
    const totalCard = page.getByTestId("tika-cards").locator("li").last();
    await expect
      .poll(() => totalCard.innerText())
      .toMatch(
        new RegExp(
          `Jumlah\\s+Anak 0–23 bln\\s+${counts.total.children}\\s+Merah\\s+${counts.total.merah}\\s+Kuning\\s+${counts.total.kuning}\\s+Hijau\\s+${counts.total.hijau}`,
        ),
      );
    expect(counts.total.kuning).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "04-desa-month");
    // On a desk the table, with the same total row.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect
      .poll(() => page.getByTestId("tika-table").locator("tfoot tr").innerText())
      .toMatch(
        new RegExp(`Jumlah\\s+${counts.total.children}\\s+${counts.total.merah}\\s+${counts.total.kuning}`),
      );
    await shot(page, "05-desa-month-desktop");
  });
});
