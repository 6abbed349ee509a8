import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "@tumbuh/core";
import { afterEach, expect, it, vi } from "vitest";
import { syntheticEppgbm } from "../../../bench/eppgbm-file";
import { DATA_DIR } from "../../data-files";
import { freshDatabase } from "../../testing/dialects";
import { importRegions } from "../regions/service";
import { importMeasurements } from "./service";

afterEach(() => vi.restoreAllMocks());

/**
 * Issue 16: the import left SQLite's write lock free for 50 ms after every slice it wrote, a quarter of its
 * time, though nobody was waiting. It now does so only for a writer that announced itself (db/write-waiters;
 * the job worker test shows API writes getting in) or after a second without one.
 */
it("an import nobody waits on never pauses to leave the write lock free", async () => {
  const db = await freshDatabase("sqlite");
  try {
    for (const f of ["provinsi.csv", "paser-6401.csv"]) {
      await importRegions(db.kysely, SYSTEM_ACTOR, readFileSync(join(DATA_DIR, "regions", f), "utf8"));
    }
    const timeout = vi.spyOn(globalThis, "setTimeout");
    let slices = 0;
    const report = await importMeasurements(
      db.kysely,
      SYSTEM_ACTOR,
      Buffer.from(syntheticEppgbm(2000, "2026-08")),
      {
        fileName: "agustus.csv",
        today: "2026-11-22",
        progress: (done) => {
          if (done > 0) slices++;
        },
      },
    );
    expect(report.stored.measurements).toBe(2000);
    expect(slices).toBeGreaterThan(0);
    // No timer of the lock gap's 50 ms was set (the waits are a setImmediate turn between slices).
    expect(timeout.mock.calls.filter((c) => c[1] === 50)).toEqual([]);
  } finally {
    await db.close();
  }
});
