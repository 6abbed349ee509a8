import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PostgresCluster {
  url: string;
  stop(): void;
}

/** The newest installed PostgreSQL server binaries (Debian puts them in /usr/lib/postgresql/N/bin). */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.TUMBUH_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, "initdb"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * A throwaway cluster in a temp dir on a free loopback port: initdb + pg_ctl, trust auth on loopback only,
 * durability off (test data is disposable). PostgreSQL refuses to run as root, so under root it runs as the
 * `postgres` user that Debian's package creates.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      "PostgreSQL server binaries not found (apt-get install postgresql, or set TUMBUH_PG_BIN)",
    );
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  let pgUid: number | null = null;
  if (asRoot) {
    pgUid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const pgGid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, pgUid, pgGid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const res = asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", full, ...args], { encoding: "utf8" })
      : spawnSync(full, args, { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  run("initdb", ["-D", data, "-U", "tumbuh", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const opts = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
    // Test queries are small: compiling them with LLVM costs more than it saves.
    "-c jit=off",
    // Nobody reads the statistics of a database that lives for one test; vacuum has nothing to win either.
    "-c autovacuum=off",
    // No replica: WAL only for crash safety, which a throwaway cluster does not need (less to write per
    // CREATE DATABASE and bulk insert).
    "-c wal_level=minimal",
    "-c max_wal_senders=0",
  ].join(" ");
  run("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return {
    url: `postgres://tumbuh@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The same server URL naming another database. */
export function withDatabase(url: string, database: string): string {
  return url.replace(/\/[^/]*$/, `/${database}`);
}
