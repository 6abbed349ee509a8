import { describe, expect, it } from "vitest";
import { type CountedMeasurement, countChildren } from "./child-counts";

const m = (
  personId: string,
  measuredOn: string,
  z: Partial<CountedMeasurement> = {},
): CountedMeasurement => ({
  personId,
  measuredOn,
  zlen: 0,
  zwei: 0,
  zwfl: 0,
  flagged: false,
  ...z,
});

describe("countChildren", () => {
  const children = [
    { id: "a", birthDate: "2024-01-10" },
    { id: "b", birthDate: "2024-03-01" },
    { id: "c", birthDate: "2020-05-31" }, // 60 months on 2025-05-31: not a balita in June 2025
    { id: "d", birthDate: "2025-07-02" }, // born after June
    { id: "e", birthDate: "2023-02-01" }, // registered, never weighed
  ];
  it("counts each child once by its latest measurement of the period", () => {
    const c = countChildren(
      children,
      [
        m("a", "2025-06-03", { zlen: -2.5 }),
        m("a", "2025-06-20", { zlen: -1.9 }), // latest in June: not stunted
        m("b", "2025-06-05", { zlen: -2.01, zwei: -2.2, zwfl: -1 }),
        m("c", "2025-06-05", { zlen: -3 }),
      ],
      ["2025-06"],
    ).get("2025-06");
    expect(c).toMatchObject({ registered: 3, measured: 2, lenN: 2, stunted: 1, underweight: 1, wasted: 0 });
  });
  it("leaves a WHO-flagged value out of the indicator it concerns only", () => {
    const c = countChildren(
      children,
      [
        m("a", "2025-06-03", { zlen: -2.5 }),
        // Later, flagged: height-for-age −6.5 is implausible; its weight-for-age −2.4 is not.
        m("a", "2025-06-20", { zlen: -6.5, zwei: -2.4, flagged: true }),
      ],
      ["2025-06"],
    ).get("2025-06");
    // TB/U falls back to the latest usable one (−2.5, stunted); BB/U uses the flagged measurement's usable value.
    expect(c).toMatchObject({ measured: 1, flagged: 1, lenN: 1, stunted: 1, weiN: 1, underweight: 1 });
  });
  it("a year counts a child weighed every month once", () => {
    const ms = ["01", "02", "03", "04", "05", "06"].map((mm) =>
      m("a", `2025-${mm}-10`, { zlen: mm === "06" ? -2.2 : -1 }),
    );
    const year = countChildren(children, ms, ["2025", "2025-03"]);
    expect(year.get("2025")).toMatchObject({ measured: 1, stunted: 1 });
    expect(year.get("2025-03")).toMatchObject({ measured: 1, stunted: 0 });
    // d (born July 2025) and e count in the year; c turned five in May 2025 but was a balita in January.
    expect(year.get("2025")?.registered).toBe(5);
  });
});
