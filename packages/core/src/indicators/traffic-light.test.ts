import { describe, expect, it } from "vitest";
import { achievement } from "./achievement";
import { trafficLight } from "./traffic-light";

describe("trafficLight", () => {
  it("prevalence (down): at or below the Pasal 6 ceiling is green, up to 10% above amber, else red", () => {
    expect(trafficLight(14, 14, "down")).toBe("green");
    expect(trafficLight(15.4, 14, "down")).toBe("amber");
    expect(trafficLight(15.5, 14, "down")).toBe("red");
  });
  it("coverage (up): reaching the target is green, 90% of it amber", () => {
    expect(trafficLight(90, 90, "up")).toBe("green");
    expect(trafficLight(81, 90, "up")).toBe("amber");
    expect(trafficLight(80.9, 90, "up")).toBe("red");
  });
  it("no figure or no numeric target has no colour", () => {
    expect(trafficLight(null, 14, "down")).toBe("none");
    expect(trafficLight(10, null, "up")).toBe("none");
  });
});

describe("achievement", () => {
  const prevalence = {
    target: { kind: "percent", value: 14, original: "14%", direction: "down", per: null },
  } as const;
  it("computes percent, Wilson interval and status from numerator and denominator", () => {
    const a = achievement(prevalence, { numerator: 30, denominator: 200, value: null });
    expect(a.value).toBe(15);
    expect(a.status).toBe("amber");
    expect(a.ratio).toBeCloseTo(14 / 15);
    expect(a.ci?.lower).toBeLessThan(15);
    expect(a.ci?.upper).toBeGreaterThan(15);
  });
  it("has no value when nobody was measured", () => {
    const a = achievement(prevalence, { numerator: 0, denominator: 0, value: null });
    expect(a.value).toBeNull();
    expect(a.status).toBe("none");
  });
  it("takes an entered value as it is", () => {
    const a = achievement(
      { target: { kind: "count", value: 2, original: "2 kali", direction: "up", per: "year" } },
      { numerator: null, denominator: null, value: 3 },
    );
    expect(a).toMatchObject({ value: 3, status: "green", ci: null });
  });
});
