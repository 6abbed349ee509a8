import { describe, expect, it } from "vitest";
import { isMonth } from "./periods";

describe("isMonth", () => {
  it("is a calendar month only: a quarter or semester has seven characters too", () => {
    expect(isMonth("2025-07")).toBe(true);
    expect(isMonth("2025-Q3")).toBe(false);
    expect(isMonth("2025-S1")).toBe(false);
    expect(isMonth("2025")).toBe(false);
    expect(isMonth("2025-13")).toBe(false);
  });
});
