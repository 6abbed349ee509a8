/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchChromium, signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = "/tmp/tumbuh-users";

describe("user administration in Chromium (issue 17)", () => {
  const live = useLiveBrowser(SHOTS);

  /** Chooses a place by name, level by level, in the picker labelled `label` (no region code typed). */
  const choosePlace = async (scope: Locator, label: string, names: string[]) => {
    const picker = scope.getByRole("group", { name: label, exact: true });
    await picker
      .getByRole("combobox")
      .first()
      .selectOption({ label: names[0] ?? "" });
    for (let i = 1; i < names.length; i++)
      await picker.getByRole("combobox", { name: names[i - 1] }).selectOption({ label: names[i] ?? "" });
  };

  const card = (page: Page, username: string) =>
    page.locator("li.user-card", { has: page.getByText(username, { exact: true }) });

  it("the admin adds a user at 360 px, the password is shown once and works in a fresh browser", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "admin");
    await page.getByRole("link", { name: /Pengguna/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/pengguna");
    await page.getByRole("heading", { name: /\d+ pengguna/ }).waitFor();
    // the list opens on the admin's regency and shows the demo users with their roles
    const area = page.getByRole("group", { name: "Wilayah", exact: true }).getByRole("combobox").first();
    expect(await area.locator("option:checked").textContent()).toBe("Seluruh — Kabupaten Paser");
    expect(await page.getByText(/Kode wilayah|64\.01/).count()).toBe(0);
    await card(page, "kpm.sandeley").getByText("KPM (Kader Pembangunan Manusia)").waitFor();
    expect(await card(page, "kpm.sandeley").textContent()).toContain("belum pernah");

    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Tambah pengguna" }) });
    // an empty form is refused with Indonesian field messages, before anything is sent
    await form.getByRole("button", { name: "Tambah pengguna" }).click();
    expect(await form.getByText("Wajib diisi.").count()).toBeGreaterThan(0);
    await form.getByLabel("Nama pengguna", { exact: true }).fill("kader.baru");
    await form.getByLabel("Nama lengkap").fill("Kader Baru");
    await form.getByLabel("Peran").selectOption("kader_posyandu");
    await choosePlace(form, "Wilayah tugas", ["Kecamatan Kuaro", "Desa Sandeley", "Posyandu Melati"]);
    await form.getByRole("button", { name: "Tambah pengguna" }).click();

    const box = page.getByTestId("one-time-password");
    await box.waitFor();
    expect(await box.textContent()).toContain("tidak akan ditampilkan lagi");
    const password = ((await box.locator("code").textContent()) ?? "").trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await card(page, "kader.baru").getByText("Kader Posyandu").waitFor();
    expect(await card(page, "kader.baru").textContent()).toContain("Posyandu Melati");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "users-360.png"), fullPage: true });
    await page.screenshot({ path: join(SHOTS, "users-360-top.png") });

    // a second user with the same username is refused next to the field, in Indonesian
    await page.getByRole("button", { name: "Sudah dicatat, tutup" }).click();
    expect(await box.count()).toBe(0);
    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    await form.getByLabel("Nama pengguna", { exact: true }).fill("kader.baru");
    await form.getByLabel("Nama lengkap").fill("Kader Lain");
    await form.getByLabel("Peran").selectOption("kpm");
    await choosePlace(form, "Wilayah tugas", ["Kecamatan Kuaro", "Desa Sandeley"]);
    await form.getByRole("button", { name: "Tambah pengguna" }).click();
    await form.getByText("Nama pengguna ini sudah dipakai. Pilih nama lain.").waitFor();
    await form.getByRole("button", { name: "Batal" }).click();

    const fresh = await launchChromium();
    try {
      const newcomer = await fresh.context.newPage();
      await signIn(newcomer, live.server.url, "kader.baru", password);
      await newcomer.getByRole("heading", { name: "Halo, Kader Baru" }).waitFor();
      // not an admin: no link to the users page
      expect(await newcomer.getByRole("link", { name: /Pengguna/ }).count()).toBe(0);
    } finally {
      await fresh.close();
    }

    // the sign-in shows on the admin's list; a reset makes another one-time password
    await page.reload();
    const row = card(page, "kader.baru");
    await row.waitFor();
    expect(await row.textContent()).not.toContain("belum pernah");
    await row.getByRole("button", { name: "Kelola" }).click();
    // the role editor shows the region chosen by name and moves it the same way
    const editor = row.getByRole("form", { name: "Peran dan wilayah" });
    expect(
      await editor.getByRole("combobox", { name: "Desa Sandeley" }).locator("option:checked").textContent(),
    ).toBe("Posyandu Melati");
    await row.screenshot({ path: join(SHOTS, "users-360-roles.png") });
    await row.getByRole("button", { name: "Buat kata sandi baru" }).click();
    await row.getByRole("button", { name: "Ya, buat kata sandi baru" }).click();
    await box.waitFor();
    expect(((await box.locator("code").textContent()) ?? "").trim()).not.toBe(password);

    // deactivation asks first, then marks the account
    await row.getByRole("button", { name: "Nonaktifkan akun" }).click();
    await row.getByText("Pengguna tidak dapat masuk lagi").waitFor();
    await row.getByRole("button", { name: "Ya, nonaktifkan" }).click();
    await row.getByText("Akun Kader Baru dinonaktifkan.").waitFor();
    expect(await row.locator(".badge").last().textContent()).toBe("Nonaktif");

    await row.screenshot({ path: join(SHOTS, "users-360-manage.png") });

    // the audit log tells it in words, filtered to user accounts: no action codes, ids or ISO dates
    await page.goto(`${live.server.url}/audit`);
    await page.getByLabel("Jenis data").selectOption("user");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.locator(".audit-list").getByText("admin menambah akun pengguna").first().waitFor();
    const log = (await page.locator(".audit-list").textContent()) ?? "";
    expect(log).toContain("admin menambah akun pengguna");
    expect(log).not.toMatch(/user\.create|\d{4}-\d{2}-\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "audit-360.png"), fullPage: true });
    // The place filter is chosen by name, level by level (no region code to type).
    const place = page.getByRole("group", { name: "Wilayah" });
    await place.getByRole("combobox").first().selectOption({ label: "Kecamatan Kuaro" });
    await place.getByRole("combobox", { name: "Kecamatan Kuaro" }).selectOption({ label: "Desa Sandeley" });
    await page.getByRole("button", { name: "Tampilkan" }).click();
    // each place is named with its level, as on every other page ("Desa Sandeley", not "Sandeley")
    await page
      .locator(".audit-list")
      .getByText(/· Desa Sandeley$/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(SHOTS, "audit-360-place.png"), fullPage: true });
    expect(await page.locator("input[inputmode=decimal]").count()).toBe(0);
    await page.goto(`${live.server.url}/pengguna`);
    await page.getByRole("heading", { name: /\d+ pengguna/ }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, "users-1280.png"), fullPage: true });
    await page.close();
  }, 150_000);

  it("a KPM has no link to the users page and is told it has no access there", async () => {
    await live.browser.context.clearCookies();
    const page = await live.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, live.server.url, "kpm.sandeley");
    await page.getByRole("heading", { name: /Halo/ }).waitFor();
    expect(await page.getByRole("link", { name: /Pengguna/ }).count()).toBe(0);
    await page.goto(`${live.server.url}/pengguna`);
    await page.getByText("Anda tidak memiliki akses ke halaman ini.").waitFor();
    expect(await page.getByRole("button", { name: "Tambah pengguna" }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "users-kpm-forbidden.png") });
    await page.close();
  });
});
