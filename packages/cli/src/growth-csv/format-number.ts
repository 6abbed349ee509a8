/**
 * Writes a double as ASCII bytes, producing exactly `String(x)` (JavaScript's
 * shortest round-trip formatting, ECMA-262 Number::toString), but without
 * allocating a string: V8 spends ~250 ns per `String(x)` on a slow core, which
 * for 10 numbers × 1M rows would dominate the CLI.
 *
 * Fast path for 1e-6 ≤ |x| < 1e15 (every z-score, length and BMI). Anything it
 * cannot decide exactly — other magnitudes, powers of two (asymmetric rounding
 * interval), values within 1e-9 of a rounding tie — falls back to `String(x)`.
 *
 * How the shortest digits are found (k = number of significant digits,
 * n = decimal exponent with 10^(n−1) ≤ |x| < 10^n, s = the k-digit integer):
 *  - k ≤ 15: s = round(|x|·10^(k−n)) in doubles, accepted iff s·10^(n−k)
 *    converts back to |x|. The back-conversion is one correctly rounded
 *    multiply/divide of exact operands (s < 2^53, 10^j exact for j ≤ 22:
 *    Clinger's fast path), so the test is exact. If any k-digit decimal
 *    round-trips it lies within |x|·2^−53·10^m of the scaled value, while the
 *    scaled value is computed within 0.07, so the rounded s is that decimal
 *    (and it is unique, the rounding interval being narrower than 1).
 *    Round-tripping is monotone in k, so a binary search finds the least k.
 *  - k = 16 or 17: E = |x|·10^(17−n) ∈ [1e16, 1e17) is formed EXACTLY as
 *    hi + lo (Dekker's two-product), split as H·1e8 + R + lo with integers H, R,
 *    and the 16- and 17-digit nearest integers and the round-trip test
 *    (|10·s16 − E| below half an ulp of x, scaled) are decided by comparing lo
 *    with small integers; near-ties fall back.
 */

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(Number(`1e${i}`));
const NEG_POW10: number[] = [];
for (let i = 0; i <= 7; i++) NEG_POW10.push(Number(`1e-${i}`));

/** 10^j as the nearest double, j ∈ [−7, 22]. */
function pow10(j: number): number {
  return j >= 0 ? (POW10[j] as number) : (NEG_POW10[-j] as number);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian is what every supported platform uses; checked once here.
f64[0] = 1;
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split for Dekker's product

/** Writes `String(x)` for any number; returns the new position. */
export function writeNumber(x: number, out: Uint8Array, pos: number): number {
  if (x === 0) {
    out[pos] = 48; // "0" (also for −0, as String(-0))
    return pos + 1;
  }
  let ax = x;
  let p = pos;
  if (x < 0) {
    ax = -x;
    out[p++] = 45; // "-"
  }
  const r = fast(ax, out, p);
  return r >= 0 ? r : writeAscii(String(x), out, pos);
}

/** Writes an ASCII string; returns the new position. */
export function writeAscii(s: string, out: Uint8Array, pos: number): number {
  for (let i = 0; i < s.length; i++) out[pos + i] = s.charCodeAt(i);
  return pos + s.length;
}

/** Writes a non-negative integer below 2^31; returns the new position. */
export function writeUint(v: number, out: Uint8Array, pos: number): number {
  let len = 1;
  for (let p = 10; p <= v && len < 10; p *= 10) len++;
  digitsTo(v, len, out, pos + len);
  return pos + len;
}

/** Fast path for positive ax; returns −1 when the caller must fall back. */
function fast(ax: number, out: Uint8Array, pos: number): number {
  if (!(ax >= 1e-6 && ax < 1e15)) return -1;
  // Decimal exponent n: 10^(n−1) ≤ ax < 10^n. Below 1 the powers of ten are
  // inexact, so values within ~2 ulps of one are left to the fallback.
  f64[0] = ax;
  const bitsHi = u32[HI] as number;
  const bitsLo = u32[LO] as number;
  const e = ((bitsHi >>> 20) & 0x7ff) - 1023; // ax ∈ [2^e, 2^(e+1))
  // log10(2^e) ≤ log10(ax) < log10(2^(e+1)): estimate, then correct by table.
  let n = Math.floor(e * 0.30102999566398114) + 1;
  if (ax >= pow10(n)) n++;
  if (ax >= pow10(n)) n++;
  if (ax < pow10(n - 1)) n--;
  if (n - 1 < 0 && Math.abs(ax - pow10(n - 1)) <= pow10(n - 1) * 1e-15) return -1;
  if (n < 0 && Math.abs(ax - pow10(n)) <= pow10(n) * 1e-15) return -1;

  // Powers of two have a lopsided rounding interval: short digits or fallback.
  if ((bitsHi & 0xfffff) === 0 && bitsLo === 0) return roundTrips(ax, 15, n) ? short(ax, n, out, pos) : -1;

  const q = 17 - n; // 2 ≤ q ≤ 22
  const P = POW10[q] as number;
  // Dekker: hi + lo = ax·P exactly.
  const hi = ax * P;
  let t = SPLITTER * ax;
  const ah = t - (t - ax);
  const al = ax - ah;
  t = SPLITTER * P;
  const ph = t - (t - P);
  const pl = P - ph;
  const lo = ah * ph - hi + ah * pl + al * ph + al * pl;
  // hi ∈ [1e16, 1e17] is an integer; split hi = H·1e8 + R exactly.
  let H = Math.floor(hi / 1e8);
  let R = hi - H * 1e8;
  if (R < 0) {
    H -= 1;
    R += 1e8;
  } else if (R >= 1e8) {
    H += 1;
    R -= 1e8;
  }
  // Half an ulp of ax, scaled by 10^q: 2^(e−53)·10^q, exact; 2^(e−53) is
  // built from its bits (e ≥ −20 here, so it is a normal double).
  u32[HI] = (e - 53 + 1023) << 20;
  u32[LO] = 0;
  const W = (f64[0] as number) * P;

  // s16 = nearest integer to E/10 = H·1e7 + a + (b + lo)/10, with R = 10a + b.
  const a = Math.floor(R / 10);
  const b = R - a * 10;
  const c = roundTenth(b, lo);
  if (c === 9) return roundTrips(ax, 15, n) ? short(ax, n, out, pos) : -1;
  // |10·s16 − E| = |10c − b − lo|, against half an ulp (scaled).
  const d = Math.abs(10 * c - b - lo);
  if (d < W * (1 - 1e-9)) {
    // 16 digits round-trip; fewer might too (round-tripping is monotone in k).
    if (roundTrips(ax, 15, n)) return short(ax, n, out, pos);
    // s16 = H·1e7 + a + c, written as X·1e8 + Y.
    const X = Math.floor(H / 10);
    let Y = (H - X * 10) * 1e7 + a + c;
    let XX = X;
    if (Y >= 1e8) {
      XX += 1;
      Y -= 1e8;
    } else if (Y < 0) {
      XX -= 1;
      Y += 1e8;
    }
    if (XX >= 1e8 || XX < 1e7) return -1; // not 16 digits after all: fall back
    return layout(XX, Y, 16, n, out, pos);
  }
  if (!(d > W * (1 + 1e-9))) return roundTrips(ax, 15, n) ? short(ax, n, out, pos) : -1;

  // 16 digits do not round-trip, so neither do fewer: 17 digits, the nearest.
  const rl = Math.round(lo);
  const frac = lo - rl;
  if (frac > 0.4999999 || frac < -0.4999999) return -1;
  let L = R + rl;
  let HH = H;
  if (L >= 1e8) {
    HH += 1;
    L -= 1e8;
  } else if (L < 0) {
    HH -= 1;
    L += 1e8;
  }
  if (HH >= 1e9 || HH < 1e8) return -1;
  return layout(HH, L, 17, n, out, pos);
}

/** Shortest k ≤ 15 (known to exist): binary search, then lay out. */
function short(ax: number, n: number, out: Uint8Array, pos: number): number {
  let lo = 1;
  let hi = 15; // hi round-trips
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (roundTrips(ax, mid, n)) hi = mid;
    else lo = mid + 1;
  }
  const m = hi - n;
  let s = m >= 0 ? Math.round(ax * (POW10[m] as number)) : Math.round(ax / (POW10[-m] as number));
  const k = hi;
  let nn = n;
  if (s === POW10[k]) {
    // 9.99…→10: the same value with one digit less and exponent + 1.
    s = POW10[k - 1] as number;
    nn++;
  }
  if (k <= 8) return layout(0, s, k, nn, out, pos);
  const X = Math.floor(s / 1e8);
  return layout(X, s - X * 1e8, k, nn, out, pos);
}

/** Does the k-digit decimal nearest to ax convert back to ax? (k ≤ 15, exact.) */
function roundTrips(ax: number, k: number, n: number): boolean {
  const m = k - n;
  if (m > 22 || m < -22) return false;
  if (m >= 0) {
    const p = POW10[m] as number;
    return Math.round(ax * p) / p === ax;
  }
  const p = POW10[-m] as number;
  return Math.round(ax / p) * p === ax;
}

/**
 * round((b + lo)/10) for integer b ∈ [0, 9] and |lo| ≤ 8, decided exactly by
 * comparing lo with integers; 9 means "too close to a tie, fall back".
 */
function roundTenth(b: number, lo: number): number {
  const v5 = 5 - b;
  const vm5 = -5 - b;
  const v15 = 15 - b;
  const eps = 1e-9;
  if (Math.abs(lo - v5) < eps || Math.abs(lo - vm5) < eps || Math.abs(lo - v15) < eps) return 9;
  if (lo > v15) return 2;
  if (lo > v5) return 1;
  if (lo > vm5) return 0;
  return -1;
}

/** "00".."99" as char codes, two digits per step. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

/** Writes the `len` low decimal digits of 0 ≤ v < 2^31 ending at out[end − 1] (zero-padded). */
function digitsTo(v: number, len: number, out: Uint8Array, end: number): void {
  let t = v | 0;
  let i = end - 1;
  const stop = end - len;
  while (i > stop) {
    const qv = (t / 100) | 0;
    const r = (t - qv * 100) << 1;
    out[i] = PAIRS[r + 1] as number;
    out[i - 1] = PAIRS[r] as number;
    t = qv;
    i -= 2;
  }
  if (i === stop) out[i] = 48 + (t % 10);
}

/**
 * Writes the k significant digits X·1e8 + Y (X = 0 when k ≤ 8; otherwise Y is
 * the 8 low digits) with decimal exponent n as Number::toString lays them out
 * for −6 < n ≤ 21. k is minimal, so there are no trailing zeros to strip.
 */
function layout(X: number, Y: number, k: number, n: number, out: Uint8Array, pos: number): number {
  if (n <= 0) {
    // 0.000ddd
    let p = pos;
    out[p++] = 48;
    out[p++] = 46;
    for (let i = 0; i < -n; i++) out[p++] = 48;
    writeDigits(X, Y, k, out, p);
    return p + k;
  }
  if (n >= k) {
    // ddd000
    writeDigits(X, Y, k, out, pos);
    for (let i = k; i < n; i++) out[pos + i] = 48;
    return pos + n;
  }
  // dd.ddd: write the digits one place to the right, then move the n integer
  // digits back over the gap (n is small for z-scores) and put the point.
  writeDigits(X, Y, k, out, pos + 1);
  for (let i = 0; i < n; i++) out[pos + i] = out[pos + 1 + i] as number;
  out[pos + n] = 46;
  return pos + k + 1;
}

function writeDigits(X: number, Y: number, k: number, out: Uint8Array, at: number): void {
  if (k <= 8) {
    digitsTo(Y, k, out, at + k);
    return;
  }
  digitsTo(X, k - 8, out, at + k - 8);
  digitsTo(Y, 8, out, at + k);
}
