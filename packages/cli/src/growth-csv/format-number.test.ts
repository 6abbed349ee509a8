import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeNumber, writeUint } from "./format-number";
import { parseDecimal } from "./parse-number";

const buf = new Uint8Array(64);
const dec = new TextDecoder();
const fmt = (x: number): string => dec.decode(buf.subarray(0, writeNumber(x, buf, 0)));
const enc = new TextEncoder();
const parse = (s: string): number => {
  const b = enc.encode(s);
  return parseDecimal(b, 0, b.length);
};

describe("writeNumber = String(x)", () => {
  it.each([
    0,
    -0,
    1,
    -1,
    0.1,
    0.2,
    0.30000000000000004,
    1 / 3,
    2 / 3,
    80.7,
    80.1 - 0.7,
    1e-6,
    1.5e-6,
    Number("9.999999999999999e-7"),
    1e-7,
    123456789012345.6,
    999999999999999.9,
    1e15,
    1e21,
    1e22,
    5e-324,
    1.7976931348623157e308,
    2 ** 53 + 2,
    0.9999999999999999,
    9.999999999999998,
    99.99999999999999,
    2 ** -20,
    2 ** 40,
    -0.3110774594503123,
    16.88888888888889,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ])("%d", (x) => expect(fmt(x)).toBe(String(x)));

  it("on random doubles of every kind", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true }),
          fc.double({ min: -10, max: 10, noNaN: true }),
          fc.double({ min: 1e-7, max: 1e16, noNaN: true }),
          fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => k / 100),
          fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 10 - 0.7),
          fc.integer({ min: -60, max: 60 }).map((k) => 2 ** k),
          fc.integer({ min: -8, max: 16 }).map((k) => 10 ** k),
        ),
        (x) => {
          expect(fmt(x)).toBe(String(x));
        },
      ),
      { numRuns: 100_000 },
    );
  });

  it("writeUint", () => {
    for (const v of [0, 1, 9, 10, 99, 100, 12345, 2147483647]) {
      expect(dec.decode(buf.subarray(0, writeUint(v, buf, 0)))).toBe(String(v));
    }
  });
});

describe("parseDecimal = Number(text) for CSV decimals", () => {
  it.each([
    "0",
    "-0",
    "1",
    "75",
    "80.1",
    "0.05",
    ".5",
    "5.",
    " 9.5 ",
    "+3",
    "12.345678901234",
    "1e3",
    "1.5E-2",
    "0.1234567890123456789",
    "123456789012345678",
  ])("%s", (s) => expect(Object.is(parse(s), Number(s.trim()))).toBe(true));
  it.each(["", " ", "abc", "1,5", "1.2.3", "--1", "0x10", "Infinity", "1e", "e5", "1 2"])("rejects %j", (s) =>
    expect(parse(s)).toBeNaN(),
  );
  it("on random decimals", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        expect(Object.is(parse(s), Number(s))).toBe(true);
        const f = x.toFixed(Math.min(20, Math.max(0, Math.floor(Math.abs(x) % 7))));
        if (!/e/.test(f)) expect(Object.is(parse(f), Number(f))).toBe(true);
      }),
      { numRuns: 50_000 },
    );
  });
});
