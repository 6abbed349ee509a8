/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signIn } from "../testing/browser";
import { useLiveBrowser } from "../testing/browser-suite";

const SHOTS = join(process.cwd(), ".tmp/screenshots");

describe("access tokens and the data downloads in Chromium (issue 16)", () => {
  const live = useLiveBrowser(SHOTS);

  it("the admin creates a token at 360 px, a script reads its region with it, then the admin revokes it", async () => {
    const page = await live.browser.context.newPage();
    await signIn(page, live.server.url, "admin");
    await page.goto(`${live.server.url}/pengguna`);
    await page.getByRole("heading", { name: "Token akses" }).waitFor();
    const form = page.getByRole("form", { name: "Buat token" });
    await form.getByLabel("Nama token (untuk apa)").fill("Dasbor provinsi");
    // the region is chosen by name (the server still receives 64.01.05)
    await form
      .getByRole("group", { name: "Wilayah yang boleh diakses" })
      .getByRole("combobox")
      .first()
      .selectOption({ label: "Kecamatan Kuaro" });
    await form.getByRole("button", { name: "Buat token" }).click();
    const box = page.getByTestId("token-secret");
    await box.waitFor();
    expect(await box.textContent()).toContain("hanya ditampilkan sekali");
    const secret = ((await box.locator("code").textContent()) ?? "").trim();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByTestId("token-row").filter({ hasText: "Dasbor provinsi" }).waitFor();
    const listed =
      (await page.getByTestId("token-row").filter({ hasText: "Dasbor provinsi" }).textContent()) ?? "";
    expect(listed).toContain("Kecamatan Kuaro");
    expect(listed).not.toContain("64.01");
    // the last valid day as the admin chose it, not midnight of the day after
    expect(listed).not.toContain("pukul 00.00");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "tokens-360.png"), fullPage: true });

    // A script uses it: its region reads, another region is not found.
    const read = (region: string) =>
      fetch(`${live.server.url}/api/regions/${region}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await read("64.01.05")).status).toBe(200);
    expect((await read("64.01.03")).status).toBe(404);

    const row = page.getByTestId("token-row").filter({ hasText: "Dasbor provinsi" });
    await row.getByRole("button", { name: "Cabut token" }).click();
    await row.getByText("Program yang memakainya tidak bisa masuk lagi").waitFor();
    await row.getByRole("button", { name: "Cabut token" }).click();
    await row.getByText("Dicabut").waitFor();
    expect((await read("64.01.05")).status).toBe(401);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, "tokens-1280.png"), fullPage: true });
  });
});
