import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Flags without which Chromium here keeps dialling Google services that the closed network refuses. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium with a fresh profile, at a cadre's phone width unless told otherwise. */
export async function launchChromium(
  viewport = { width: 360, height: 740 },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "tumbuh-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TUMBUH_CHROMIUM ?? "/usr/bin/chromium",
    args: FLAGS,
    viewport,
    locale: "id-ID",
    timezoneId: "UTC",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form as a demo user (every demo user has the password `tumbuh-demo`). */
export async function signIn(page: Page, baseUrl: string, username: string, password = "tumbuh-demo") {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}
