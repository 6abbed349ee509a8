import { describe, expect, it } from "vitest";
import { tabletCount } from "./tablets";

describe("tabletCount (TTD: tablets given, counted towards ≥ 90 in the pregnancy)", () => {
  it("takes a whole number from 1 to 300", () => {
    expect(tabletCount("30")).toBe(30);
    expect(tabletCount(" 1 ")).toBe(1);
    expect(tabletCount("300")).toBe(300);
  });
  it("refuses empty, zero, too many, fractions and text", () => {
    for (const bad of ["", "0", "301", "2.5", "-3", "tiga puluh"]) expect(tabletCount(bad)).toBeNull();
  });
});
