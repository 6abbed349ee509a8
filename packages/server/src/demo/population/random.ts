/**
 * A small seeded PRNG for the synthetic demo population: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, 128-bit state, period ≥ 2^32, passes PractRand to large sizes) seeded through splitmix32.
 * The same seed always yields the same sequence, on every platform: only 32-bit integer arithmetic.
 */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform in [0, 1). */
  float(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal times sd, plus mean (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  pick<T>(items: readonly T[]): T;
  /** An independent stream derived from this generator's seed and a label (same label → same stream). */
  fork(label: string): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a string: turns fork labels into seeds. */
export function hash32(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const float = () => u32() / 4294967296;
  return {
    u32,
    float,
    int: (min, max) => min + Math.floor(float() * (max - min + 1)),
    chance: (p) => float() < p,
    normal(mean = 0, sd = 1) {
      // 1 − u keeps the logarithm finite.
      const u = 1 - float();
      const v = float();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(float() * items.length)] as T;
    },
    fork: (label) => createRng(hash32(label, seed >>> 0)),
  };
}

/** Pick a key by weight (weights need not sum to 1). */
export function weighted<K extends string>(rng: Rng, weights: Readonly<Partial<Record<K, number>>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rng.float() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Round to `decimals` places (half away from zero), as a scale or board is read. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
