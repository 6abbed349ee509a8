import { describe, expect, it } from "vitest";
import { digitsOnly, parseDecimal, parseInteger } from "./decimal";

describe("parseDecimal", () => {
  it("reads a decimal comma or point", () => {
    expect(parseDecimal("12,5")).toEqual({ kind: "ok", value: 12.5 });
    expect(parseDecimal("12.5")).toEqual({ kind: "ok", value: 12.5 });
    expect(parseDecimal(" 82,35 ")).toEqual({ kind: "ok", value: 82.35 });
    expect(parseDecimal("9")).toEqual({ kind: "ok", value: 9 });
    expect(parseDecimal("12,")).toEqual({ kind: "ok", value: 12 });
    expect(parseDecimal(",5")).toEqual({ kind: "ok", value: 0.5 });
    expect(parseDecimal("1 2,5")).toEqual({ kind: "ok", value: 12.5 });
  });
  it("treats blank as empty", () => {
    expect(parseDecimal("")).toEqual({ kind: "empty" });
    expect(parseDecimal("   ")).toEqual({ kind: "empty" });
  });
  it("rejects what is not one number", () => {
    for (const bad of ["1.234,5", "12,5,1", "12 kg", "-3", "abc", ",", "1e3", "0x10"]) {
      expect(parseDecimal(bad), bad).toEqual({ kind: "invalid" });
    }
  });
});

describe("parseInteger and digits", () => {
  it("accepts whole numbers only", () => {
    expect(parseInteger("3")).toEqual({ kind: "ok", value: 3 });
    expect(parseInteger("")).toEqual({ kind: "empty" });
    expect(parseInteger("2,5")).toEqual({ kind: "invalid" });
  });
  it("drops spaces, dots and dashes typed in long numbers", () => {
    expect(digitsOnly("6401 0547 0323 0001")).toBe("6401054703230001");
    expect(digitsOnly("64.01.05-4703230001")).toBe("6401054703230001");
  });
});
