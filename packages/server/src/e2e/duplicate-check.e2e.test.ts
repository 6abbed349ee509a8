/// <reference lib="dom" />
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../data-files";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = join(DATA_DIR, "..", ".tmp", "screenshots");
const P01 = "64.01.05.2003.P01";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `duplicates-${name}.png`), fullPage: true });
/** Born 5 July 2025, a boy of Kecamatan Kuaro (64.01.05): the NIK's digits say so (DDMMYY). */
const BORN = "2025-07-05";
const NIK = "6401050507250001";

/*
 * Issue 17 "Duplicates are caught at entry": a kader registering a child the desa already has — by NIK, or
 * by a sound-alike name with the same birth date and mother — sees who it may be before anything is saved,
 * and opens that record, corrects the entries, or (names alike only) registers the other child anyway.
 */
describe("the duplicate check at registration, in Chromium at 360 px", () => {
  const live = useLiveBrowser(SHOTS);

  async function form(page: Page, name: string, parent: string, nik = "") {
    await page.goto(`${live.server.url}/wilayah/${P01}/daftar?jenis=orang`);
    await page.getByLabel("Nama lengkap").fill(name);
    await page.getByLabel("Laki-laki").check();
    await page.getByLabel("Tanggal lahir").fill(BORN);
    if (nik) await page.locator('input[name="nik"]').fill(nik);
    await page.getByLabel(/Nama orang tua/).fill(parent);
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
  }

  it("the same NIK: the registered child is shown, there is no 'register anyway', and it opens", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kader.melati");
    const res = await page.request.post(`${live.server.url}/api/persons`, {
      data: {
        regionCode: P01,
        name: "Muhammad Rizky",
        sex: 1,
        birthDate: BORN,
        nik: NIK,
        parentName: "Siti Aminah",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const existing = (await res.json()).person.id as string;

    // A different spelling and another parent, but the same NIK: a NIK is one person's.
    await form(page, "Rizky Pratama", "Ibu Wati", NIK);
    const panel = page.getByTestId("reg-duplicates");
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain("Muhammad Rizky");
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("NIK ini sudah dipakai");
    expect(text).toContain("5 Juli 2025");
    expect(text).toContain("Posyandu Melati");
    expect(text).not.toMatch(/64\.01|\d{4}-\d{2}-\d{2}/);
    expect(await panel.getByRole("button", { name: /tetap daftarkan/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Simpan", exact: true }).count()).toBe(0);
    await shot(page, "nik-360");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // "Periksa NIK lagi": back to the form with the NIK field focused, the save button back.
    await panel.getByRole("button", { name: "Periksa NIK lagi" }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("nik");
    await page.getByRole("button", { name: "Simpan", exact: true }).waitFor();
    // Saving again asks again; this time the kader opens the record already there.
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await panel.getByRole("link", { name: /Ini orang yang sama/ }).click();
    await page.waitForURL(new RegExp(`/anak/${existing}`));
    await page.getByRole("heading", { name: "Muhammad Rizky" }).waitFor();
    await page.close();
  });

  it("a sound-alike name, the same birth date and mother: shown before saving; a change hides it; 'register anyway' saves", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "kader.melati");
    await form(page, "Muhamad Rizki", "Siti Aminah");
    const panel = page.getByTestId("reg-duplicates");
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain("Muhammad Rizky");
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("nama mirip, tanggal lahir dan ibu sama");
    expect(text).toContain("ibu Siti Aminah");
    expect(text).not.toContain("NIK ini sudah dipakai");
    await shot(page, "name-360");

    // Correcting an entry hides the matches (they were for the old entries) and brings back "Simpan".
    await page.getByLabel("Nama lengkap").fill("Muhamad Rizki Saputra");
    await expect.poll(() => panel.count()).toBe(0);
    await page.getByRole("button", { name: "Simpan", exact: true }).waitFor();
    // Back to the entries the matches were found for: the same matches again.
    await page.getByLabel("Nama lengkap").fill("Muhamad Rizki");
    await panel.waitFor();

    // Twins are real: the kader says it is another child and it is saved.
    await panel.getByRole("button", { name: "Orang berbeda – tetap daftarkan" }).click();
    await page.waitForURL(/\/anak\//);
    await page.getByRole("heading", { name: "Muhamad Rizki" }).waitFor();
    const id = page.url().split("/anak/")[1]?.split(/[?#]/)[0] ?? "";
    const stored = await (await page.request.get(`${live.server.url}/api/persons/${id}`)).json();
    expect(stored.person).toMatchObject({
      name: "Muhamad Rizki",
      birthDate: BORN,
      parentName: "Siti Aminah",
    });
    await page.close();
  });

  it("desktop: the same panel for the KPM registering at the desa", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, live.server.url, "kpm.sandeley");
    await page.goto(`${live.server.url}/wilayah/64.01.05.2003/daftar?jenis=orang`);
    await page.getByLabel("Nama lengkap").fill("Mohamad Risky");
    await page.getByLabel("Laki-laki").check();
    await page.getByLabel("Tanggal lahir").fill(BORN);
    await page.getByLabel(/Nama orang tua/).fill("Siti Aminah");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    const panel = page.getByTestId("reg-duplicates");
    await panel.waitFor();
    // Both registered children are candidates (the twin saved above too).
    await expect.poll(() => panel.getByTestId("reg-duplicate").count()).toBe(2);
    await shot(page, "desktop");
    await page.close();
  });
});
