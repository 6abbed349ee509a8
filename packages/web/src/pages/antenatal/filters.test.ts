import type { PregnantWomanRow } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { applyFilter, filterCounts, parseFilter } from "./filters";

const row = (over: Partial<PregnantWomanRow>): PregnantWomanRow => ({
  personId: "p",
  pregnancyId: "g",
  name: "Sari",
  placeName: "Posyandu Melati",
  ageYears: 27,
  lmpDate: "2026-01-01",
  eddDate: "2026-10-08",
  gravida: 1,
  weeks: 20,
  days: 0,
  trimester: 2,
  daysToEdd: 140,
  ancVisits: 1,
  ancByTrimester: [1, 0, 0],
  ancMissing: 0,
  lastAncOn: "2026-02-01",
  ttdMonths: 1,
  lastTtdOn: "2026-02-01",
  kek: false,
  anaemia: false,
  highRisk: false,
  highRiskNote: null,
  ...over,
});

describe("pregnant-women filters", () => {
  const women = [
    row({ name: "A" }),
    row({ name: "B", kek: true }),
    row({ name: "C", anaemia: true, daysToEdd: 30, trimester: 3 }),
    row({ name: "D", highRisk: true, ancMissing: 1 }),
    row({ name: "E", daysToEdd: -3, trimester: 3 }),
  ];
  it("shows the risks the midwife acts on, births within a month and missed visits", () => {
    const names = (f: Parameters<typeof applyFilter>[1]) => applyFilter(women, f).map((w) => w.name);
    expect(names("all")).toEqual(["A", "B", "C", "D", "E"]);
    expect(names("risk")).toEqual(["B", "C", "D"]);
    expect(names("dueSoon")).toEqual(["C", "E"]);
    expect(names("ancBehind")).toEqual(["D"]);
    expect(names("t3")).toEqual(["C", "E"]);
    expect(filterCounts(women)).toEqual({ all: 5, risk: 3, dueSoon: 2, ancBehind: 1, t3: 2 });
  });
  it("reads the filter from the address, falling back to all", () => {
    expect(parseFilter("risk")).toBe("risk");
    expect(parseFilter("constructor")).toBe("all");
    expect(parseFilter(null)).toBe("all");
  });
});
