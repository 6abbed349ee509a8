import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimal } from "./decimal";

describe("parseDecimal", () => {
  it("reads a decimal comma or point, with or without digits on one side", () => {
    expect(parseDecimal("12,5")).toBe(12.5);
    expect(parseDecimal("12.5")).toBe(12.5);
    expect(parseDecimal(" 12 , 5 ")).toBe(12.5);
    expect(parseDecimal("12,")).toBe(12);
    expect(parseDecimal(",5")).toBe(0.5);
    expect(parseDecimal("+3")).toBe(3);
    expect(parseDecimal("007")).toBe(7);
  });

  it("is null for nothing entered", () => {
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("   ")).toBeNull();
  });

  it("refuses what is not one plain decimal number", () => {
    for (const bad of ["1.234,5", "1,2,3", "12 kg", "1e3", "0x10", "Infinity", ",", ".", "-", "+", "12-"]) {
      expect(parseDecimal(bad), bad).toBeNaN();
    }
  });

  it("takes a minus sign only when signed numbers are asked for", () => {
    expect(parseDecimal("-3,5")).toBeNaN();
    expect(parseDecimal("-3,5", { signed: true })).toBe(-3.5);
  });

  it("reads text of digits, signs and separators exactly as the patterns do", () => {
    // The plain rule plainDecimal is held to (white space dropped, then two patterns).
    const byPattern = (text: string, signed: boolean) => {
      const s = text.replace(/\s+/g, "");
      if (s === "") return null;
      const m = /^([+-]?)(\d+[.,]?\d*|[.,]\d+)$/.exec(s);
      if (!m || (m[1] === "-" && !signed)) return Number.NaN;
      return Number(`${m[1]}${(m[2] as string).replace(",", ".")}`);
    };
    const text = fc.oneof(
      fc.stringMatching(/^[-+0-9.,]{0,8}$/),
      fc.stringMatching(/^[-+]?[0-9]{0,4}[.,]?[0-9]{0,3}$/),
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[-+0-9., \t\u00a0]{0,8}$/),
      fc.stringMatching(/^[-+]?[0-9]{0,17}[.,]?[0-9]{0,17}$/),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => String(Math.abs(x))),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (t, signed) => {
        expect(parseDecimal(t, { signed })).toBe(byPattern(t, signed));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads back any number written with a decimal comma", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const text = x.toFixed(3).replace(".", ",");
        expect(parseDecimal(text, { signed: true })).toBe(Number(x.toFixed(3)));
      }),
    );
  });
});
