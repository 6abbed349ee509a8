import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

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
