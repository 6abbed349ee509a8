import type { Rng } from "./random";

/** 2024-01-01T00:00:00Z: synthetic ids sort before anything a user creates. */
export const DEMO_ID_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * Deterministic ids shaped like RFC 9562 UUIDv7: 48-bit milliseconds from a fixed epoch, advanced every
 * 4,096 ids, a 12-bit counter in rand_a (so ids sort in creation order, like the app's own), and 62 bits
 * from the seeded PRNG. Never the clock, never crypto: the same seed gives the same ids.
 */
export function idMaker(rng: Rng, epochMs = DEMO_ID_EPOCH_MS): () => string {
  let n = 0;
  let ms = -1;
  let timePart = "";
  return () => {
    const seq = n % 4096;
    if (seq === 0) {
      ms = epochMs + n / 4096;
      const time = ms.toString(16).padStart(12, "0");
      timePart = `${time.slice(0, 8)}-${time.slice(8)}-7`;
    }
    n++;
    const r1 = rng.u32();
    const r2 = rng.u32();
    // Variant 10: 2 bits fixed, then 14 + 16 random bits from r1 and 32 from r2.
    return (
      timePart +
      HEX3[seq] +
      "-" +
      HEX4[0x8000 | (r1 & 0x3fff)] +
      "-" +
      HEX4[(r1 >>> 14) & 0xffff] +
      HEX4[r2 >>> 16] +
      HEX4[r2 & 0xffff]
    );
  };
}

const HEX4 = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, "0"));
const HEX3 = Array.from({ length: 0x1000 }, (_, i) => i.toString(16).padStart(3, "0"));
