/**
 * npm run bench:pull — the offline sync's first pull on the demo regency (25,000 children by default,
 * `TUMBUH_DEMO_CHILDREN`), as a phone makes it: every page over real HTTP, asking for gzip, until `more` is
 * false. Per user (kader of a posyandu, desa, kecamatan): wall time of the whole first pull, bytes on the
 * wire, pages, records, and the device store it leaves (the JSON of the records and places kept; IndexedDB
 * adds its own overhead on top). Median of `BENCH_RUNS` (default 3) pulls.
 * Goals (issue 17): desa < 3 s, kecamatan < 15 s.
 *
 * The demo database is built once into `BENCH_DB` (default .tmp/bench-pull.db) and reused: building the
 * population takes minutes, the pull is what is measured.
 */
import { existsSync, mkdirSync } from "node:fs";
import { get } from "node:http";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildApp } from "../src/app";
import { DATA_DIR } from "../src/data-files";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { DEMO_PASSWORD, ensureDemo } from "../src/demo/demo";
import { TEST_CONFIG } from "../src/testing/config";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DB_FILE = process.env.BENCH_DB ?? join(DATA_DIR, "..", ".tmp", "bench-pull.db");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

/** Who pulls, and (for a wide scope) the one place chosen to keep on the device. */
const USERS: { username: string; label: string; keep?: string }[] = [
  { username: "kader.melati", label: "kader (posyandu)" },
  { username: "desa.sandeley", label: "desa" },
  { username: "tpps.kuaro", label: "kecamatan (whole scope)" },
  { username: "tpps.kuaro", label: "kecamatan, one desa kept", keep: "64.01.05.2003" },
];

async function main() {
  mkdirSync(dirname(DB_FILE), { recursive: true });
  const fresh = !existsSync(DB_FILE);
  const db = openDatabase(DB_FILE);
  await migrateToLatest(db.kysely);
  if (fresh) console.log(`building the demo regency into ${DB_FILE} (once)…`);
  await ensureDemo(db.kysely, { log: () => {} });
  const app = await buildApp({ db: db.kysely, config: TEST_CONFIG });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    for (const u of USERS) {
      const login = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: u.username, password: DEMO_PASSWORD }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const times: number[] = [];
      let last = { wire: 0, raw: 0, pages: 0, records: 0, store: 0 };
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        let cursor: string | null = null;
        const stats = { wire: 0, raw: 0, pages: 0, records: 0, store: 0 };
        const kept = new Map<string, number>();
        let places = 0;
        for (;;) {
          const q = new URLSearchParams();
          if (cursor) q.set("cursor", cursor);
          if (u.keep) q.set("keep", u.keep);
          const res = await getRaw(`${url}/api/sync/pull?${q}`, cookie);
          if (res.status !== 200) throw new Error(`pull ${u.username}: ${res.status}`);
          stats.wire += res.body.length;
          const text = (res.gzip ? gunzipSync(res.body) : res.body).toString("utf8");
          const page = JSON.parse(text) as {
            records: { entity: string; id: string; data?: unknown; gone?: boolean }[];
            cursor: string;
            more: boolean;
            places?: unknown[];
          };
          stats.raw += text.length;
          stats.pages++;
          stats.records += page.records.length;
          for (const r of page.records) {
            const key = `${r.entity}:${r.id}`;
            if (r.gone || !r.data) kept.delete(key);
            else kept.set(key, JSON.stringify(r.data).length + key.length);
          }
          if (page.places && page.places.length > 0) places = JSON.stringify(page.places).length;
          cursor = page.cursor;
          if (!page.more) break;
        }
        times.push(performance.now() - t0);
        stats.store = [...kept.values()].reduce((s, n) => s + n, 0) + places;
        last = stats;
      }
      console.log(
        `${u.label.padEnd(26)} first pull ${(median(times) / 1000).toFixed(2)} s (median of ${RUNS}), ` +
          `${last.pages} pages, ${last.records} records, wire ${mb(last.wire)} (uncompressed ${mb(last.raw)}), ` +
          `device store ≈ ${mb(last.store)}`,
      );
    }
  } finally {
    await app.close();
    await db.close();
  }
}

/** A GET as a phone's browser makes it (gzip accepted), with the bytes as they came over the wire. */
function getRaw(url: string, cookie: string): Promise<{ status: number; gzip: boolean; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          gzip: res.headers["content-encoding"] === "gzip",
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    }).on("error", reject);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
