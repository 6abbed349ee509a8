import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt cost as log2 N (r = 8, p = 1). 15 (N = 32768, ~50 ms a hash) unless the configuration lowers it
 * (`TUMBUH_PASSWORD_COST`, for tests and development: the demo creates nine users). Every stored hash names
 * its own N, r and p, so a hash made at any cost verifies whatever the current setting is.
 */
export const DEFAULT_PASSWORD_COST = 15;
export const MIN_PASSWORD_COST = 10;
export const MAX_PASSWORD_COST = 20;
const R = 8;
const P = 1;
const KEYLEN = 32;

let cost = DEFAULT_PASSWORD_COST;
let dummy: Promise<string> | null = null;

/** Set once at start-up from the configuration (tests set it in their setup file). */
export function setPasswordCost(log2N: number): void {
  if (!Number.isInteger(log2N) || log2N < MIN_PASSWORD_COST || log2N > MAX_PASSWORD_COST) {
    throw new Error(`password cost must be an integer ${MIN_PASSWORD_COST}–${MAX_PASSWORD_COST}`);
  }
  if (log2N !== cost) dummy = null;
  cost = log2N;
}

/** Memory scrypt may use for N, r: twice the 128·N·r bytes it needs (64 MiB at the default cost). */
function maxmem(n: number, r: number): number {
  return 2 * 128 * n * r;
}

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const n = 2 ** cost;
  const key = await derive(password, salt, { N: n, r: R, p: P, maxmem: maxmem(n, R) });
  return ["scrypt", n, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !salt || !hash) return false;
  const [N, rr, pp] = [Number(n), Number(r), Number(p)];
  // A stored hash is ours, but a garbled one must not make scrypt allocate without bound.
  const sane = Number.isInteger(Math.log2(N)) && N >= 2 && N <= 2 ** MAX_PASSWORD_COST;
  if (!sane || !(rr >= 1 && rr <= 16 && pp >= 1 && pp <= 4)) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), {
    N,
    r: rr,
    p: pp,
    maxmem: maxmem(N, rr),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password at the current cost, verified against when the username is unknown, so
 * timing does not tell. Made on first use (not at import: every process that loads the auth code would pay).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString("hex"));
  return dummy;
}

export const MIN_PASSWORD_LENGTH = 10;

/** A password made for a person (new account, reset): 16 URL-safe characters, 96 random bits. */
export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}
