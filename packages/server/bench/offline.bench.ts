/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * npm run bench:offline — the offline posyandu day's budgets, on the built PWA (npm run build:web first):
 *  1. app-shell JavaScript, gzipped (the entry script and what it imports statically), and the whole
 *     posyandu flow (shell + the day's pages + the WHO tables) for comparison;
 *  2. in Chromium at 360 px, offline: a posyandu of 300 children opened from the service worker and the
 *     device store, and the name filter (median of keystrokes);
 *  3. a child with 60 measurements: its growth chart rendered with the CPU throttled 4× (CDP
 *     Emulation.setCPUThrottlingRate), median of indicator switches (each recomputes z-scores and curves).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchChromium } from "../src/testing/browser";
import { startLiveServer, WEB_DIST } from "../src/testing/live-server";

const P01 = "64.01.05.2003.P01";
const CHILDREN = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Static imports of a built chunk ("./x.js" specifiers), transitively. */
function closure(start: string[], assets: string): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    const src = readFileSync(join(assets, f), "utf8");
    // Static imports only: `import{…}from"./x.js"` / `import"./x.js"`; dynamic import("./x.js") is lazy.
    for (const m of src.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^;()]*?from\s*)?"\.\/([^"]+\.js)"/g)) {
      if (m[1]) todo.push(m[1]);
    }
  }
  return seen;
}

function bundleFigures() {
  const assets = join(WEB_DIST, "assets");
  const html = readFileSync(join(WEB_DIST, "index.html"), "utf8");
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const gz = (files: Iterable<string>) =>
    [...files].reduce((s, f) => s + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  const shell = closure(entry, assets);
  const pages = readdirSync(assets).filter((f) => /^(Posyandu(Pick|Day)Page|ChildEntryPage)-.*\.js$/.test(f));
  const flow = closure([...shell, ...pages], assets);
  return { shell: gz(shell), shellFiles: shell.size, flow: gz(flow), flowFiles: flow.size };
}

async function seed(page: Page, url: string) {
  const today = new Date();
  const post = async (path: string, data: object) => {
    const res = await page.request.post(`${url}${path}`, { data });
    if (res.status() >= 300) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const names = ["Aisyah", "Bima", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hadi", "Intan", "Joko"];
  for (let i = 0; i < CHILDREN - 1; i++) {
    const born = new Date(today.getTime() - (30 + ((i * 97) % 1700)) * 86_400_000);
    await post("/api/persons", {
      regionCode: P01,
      name: `${names[i % 10]} ${names[(i * 7) % 10]} ${i}`,
      sex: (i % 2) + 1,
      birthDate: born.toISOString().slice(0, 10),
    });
  }
  // 60 monthly weighings: born 59 months and a half ago, weighed every month since.
  const birth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 59, 1));
  const child = await post("/api/persons", {
    regionCode: P01,
    name: "Zahra Enam Puluh",
    sex: 2,
    birthDate: birth.toISOString().slice(0, 10),
  });
  for (let k = 0; k < 60; k++) {
    const d = new Date(Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth() + k, 5));
    await post("/api/measurements", {
      personId: child.person.id,
      measuredOn: d.toISOString().slice(0, 10),
      weightKg: Math.round((3.3 + 12 * (1 - Math.exp(-k / 18))) * 10) / 10,
      lenheiCm: Math.round((50 + 55 * (1 - Math.exp(-k / 22))) * 10) / 10,
      measure: k < 24 ? "l" : "h",
    });
  }
  return child.person.id as string;
}

type Action = { kind: "filter"; query: string } | { kind: "tab"; label: string };

/** Milliseconds from the action until `selector` matches, observed in the page (no polling delay). */
function timeUntil(page: Page, selector: string, action: Action) {
  return page.evaluate(
    ([sel, act]) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const done = () => {
          if (!document.querySelector(sel)) return;
          obs.disconnect();
          resolve(performance.now() - t0);
        };
        const obs = new MutationObserver(done);
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
        if (act.kind === "filter") {
          const el = document.querySelector("[data-testid=pd-search]") as HTMLInputElement;
          // React listens for input events; set the value the way typing does.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(el, act.query);
          el.dispatchEvent(new Event("input", { bubbles: true }));
        } else {
          const buttons = [...document.querySelectorAll<HTMLButtonElement>("[data-testid=pd-chart] button")];
          buttons.find((b) => b.textContent === act.label)?.click();
        }
        done();
      }),
    [selector, action] as const,
  );
}

async function main() {
  const b = bundleFigures();
  console.log(`app-shell JS (gzip): ${kb(b.shell)} in ${b.shellFiles} files   [budget ≤ 250 KB]`);
  console.log(`posyandu flow JS incl. WHO tables (gzip): ${kb(b.flow)} in ${b.flowFiles} files`);

  const server = await startLiveServer();
  const browser = await launchChromium();
  try {
    // tsx (esbuild keepNames) wraps named functions in __name(), which the page does not have.
    await browser.context.addInitScript("globalThis.__name = (f) => f;");
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Nama pengguna").fill("kader.melati");
    await page.getByLabel("Kata sandi", { exact: true }).fill("tumbuh-demo");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    const childId = await seed(page, server.url);
    const dayUrl = `${server.url}/posyandu/${encodeURIComponent(P01)}`;
    await page.goto(dayUrl);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForSelector(`[data-testid=pd-children][data-count="${CHILDREN}"]`, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=sync-pending][data-count="0"]');

    await browser.context.setOffline(true);
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(dayUrl);
      await page.waitForSelector(`[data-testid=pd-children][data-count="${CHILDREN}"]`);
      // From navigation start (the page's time origin) to the list of 300 on screen.
      opens.push(
        await page.evaluate(() => {
          const e = performance.getEntriesByName("pd-list-ready")[0];
          return e ? e.startTime : performance.now();
        }),
      );
    }
    const filters: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const q = i % 2 === 0 ? "aisyah bi" : "";
      const expect =
        i % 2 === 0
          ? '[data-testid=pd-children]:not([data-count="300"])'
          : '[data-testid=pd-children][data-count="300"]';
      filters.push(await timeUntil(page, expect, { kind: "filter", query: q }));
    }
    console.log(
      `posyandu of ${CHILDREN} children, offline: open ${median(opens).toFixed(0)} ms (median of ${opens.length}, navigation to list), name filter ${median(filters).toFixed(1)} ms (median of ${RUNS})   [budget < 50 ms]`,
    );

    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(`${dayUrl}/anak/${childId}`);
    await page.waitForSelector('[data-testid=pd-chart][data-points="60"] svg');
    const charts: number[] = [];
    const order = ["tbu", "bbtb", "bbu"];
    for (let i = 0; i < RUNS; i++) {
      const ix = order[i % 3] as string;
      const label = { tbu: "TB/U", bbtb: "BB/PB-TB", bbu: "BB/U" }[ix as "tbu"];
      charts.push(
        await timeUntil(page, `[data-testid=pd-chart][data-indicator="${ix}"] svg`, { kind: "tab", label }),
      );
    }
    const points = await page.getAttribute("[data-testid=pd-chart]", "data-points");
    console.log(
      `growth chart of a child with 60 measurements (${points} points drawn), CPU 4× throttled: ${median(charts).toFixed(1)} ms (median of ${RUNS})   [budget < 100 ms]`,
    );
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
