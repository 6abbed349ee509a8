import { randomBytes } from "node:crypto";
import { uuidv7Generator } from "@tumbuh/core/uuidv7";

// One system call per 256 ids instead of one per id: bulk imports make tens of thousands.
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let poolAt = 0;

function fillFromPool(bytes: Uint8Array): void {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(16 * POOL_IDS);
    poolAt = 0;
  }
  bytes.set(pool.subarray(poolAt, poolAt + 16));
  poolAt += 16;
}

/** Time-ordered UUIDv7 for every record the server creates (see core's uuidv7). */
export const uuidv7 = uuidv7Generator(fillFromPool);

/** Timestamps come from core's clock (a test can fix it), next to the ids that every record gets. */
export { nowIso } from "@tumbuh/core";
