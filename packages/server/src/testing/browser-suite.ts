import { mkdirSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { startLiveServer } from "./live-server";

type LiveServer = Awaited<ReturnType<typeof startLiveServer>>;
type Browser = Awaited<ReturnType<typeof launchChromium>>;

/**
 * The set-up most browser suites share, as one call inside `describe`: before the suite the screenshot
 * folder, a live server with the demo regency and a phone-width Chromium; after it both are closed.
 * The returned getters are read inside the tests (the hooks fill them in only once the suite starts).
 */
export function useLiveBrowser(screenshots: string): {
  readonly server: LiveServer;
  readonly browser: Browser;
} {
  let server: LiveServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the live server starts in beforeAll");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("Chromium starts in beforeAll");
      return browser;
    },
  };
}
