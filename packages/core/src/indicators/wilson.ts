/**
 * Wilson score interval for a proportion (Wilson 1927; recommended over the Wald interval for small n and
 * proportions near 0 or 1 — Brown, Cai & DasGupta 2001). A posyandu with 12 children measured and 3 stunted
 * has p = 25% but a 95% interval of roughly 9–53%: the interval is what keeps a small figure honest.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

/** Interval for `successes` out of `n` (as proportions 0–1); null when n is 0 (no proportion exists). */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  if (successes < 0 || successes > n) throw new RangeError(`wilsonInterval: ${successes} of ${n}`);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Clamp only floating-point dust: mathematically the bounds lie in [0, 1] and around p.
  return {
    lower: successes === 0 ? 0 : Math.max(0, Math.min(p, centre - half)),
    upper: successes === n ? 1 : Math.min(1, Math.max(p, centre + half)),
  };
}
