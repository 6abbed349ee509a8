import { describe, expect, it } from "vitest";
import { lines, parseAmount, rupiah } from "./format";

describe("planning number formats", () => {
  it("reads rupiah as typed in Indonesia (dots for thousands)", () => {
    expect(parseAmount("1.500.000")).toBe(1_500_000);
    expect(parseAmount("Rp 27.000.000")).toBe(27_000_000);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
    expect(parseAmount("-5")).toBeNull();
  });
  it("formats rupiah", () => {
    expect(rupiah(87_000_000)).toBe("Rp 87.000.000");
  });
  it("splits lines", () => {
    expect(lines(" a \n\n b")).toEqual(["a", "b"]);
  });
});
