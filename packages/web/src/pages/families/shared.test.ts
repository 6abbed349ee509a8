import { describe, expect, it } from "vitest";
import { parseNumber, percent } from "./shared";

describe("family pages helpers", () => {
  it("parses decimal commas and refuses junk", () => {
    expect(parseNumber("11,9")).toBe(11.9);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("12a")).toBeNaN();
  });
  it("formats shares", () => {
    expect(percent(0.5)).toBe("50%");
    expect(percent(1 / 3)).toBe("33.3%");
    expect(percent(null)).toBe("—");
  });
});
