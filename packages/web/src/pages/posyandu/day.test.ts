import { describe, expect, it } from "vitest";
import { dueChildren, filterByName, type LocalChild, resultOf } from "./day";

const child = (
  id: string,
  name: string,
  birthDate: string,
  regionCode = "64.01.05.2003.P01",
): LocalChild => ({
  id,
  regionCode,
  name,
  sex: 1,
  birthDate,
  parentName: null,
  nikMasked: null,
  motherId: null,
  birthWeightKg: null,
  birthLengthCm: null,
  revision: 1,
  leftOn: null,
});

describe("posyandu day", () => {
  const kids = [
    child("a", "Siti Aminah", "2025-01-10"),
    child("b", "Bima Sakti", "2024-06-01"),
    child("c", "Old Enough", "2020-01-01"),
    child("d", "Elsewhere", "2025-01-01", "64.01.05.2003.P02"),
  ];
  it("lists children under five of this posyandu by name, marking who was weighed today", () => {
    const rows = dueChildren(kids, new Set(["b"]), "64.01.05.2003.P01", "2026-01-10");
    expect(rows.map((r) => [r.child.name, r.ageMonths, r.weighedToday])).toEqual([
      ["Bima Sakti", 19, true],
      ["Siti Aminah", 12, false],
    ]);
  });
  it("leaves out a child from the day he moved away or died, not before", () => {
    const moved = [...kids, { ...child("e", "Rafa Pindah", "2025-02-01"), leftOn: "2026-01-10" }];
    const names = (today: string) =>
      dueChildren(moved, new Set(), "64.01.05.2003.P01", today).map((r) => r.child.name);
    expect(names("2026-01-09")).toContain("Rafa Pindah");
    expect(names("2026-01-10")).not.toContain("Rafa Pindah");
    expect(names("2026-02-10")).not.toContain("Rafa Pindah");
  });
  it("filters by the start of any word of the name", () => {
    const rows = dueChildren(kids, new Set(), "64.01.05.2003.P01", "2026-01-10");
    expect(filterByName(rows, "sit am").map((r) => r.child.id)).toEqual(["a"]);
    expect(filterByName(rows, "SAKTI").map((r) => r.child.id)).toEqual(["b"]);
    expect(filterByName(rows, "mina")).toEqual([]);
    expect(filterByName(rows, "  ")).toHaveLength(2);
    // Sound-alike: old spelling and doubled letters.
    expect(filterByName(rows, "Sitti Aminnah").map((r) => r.child.id)).toEqual(["a"]);
  });
  it("gives the instant result with N/T against the previous weighing", () => {
    const c = child("a", "Siti", "2025-01-10");
    const m = (id: string, measuredOn: string, weightKg: number) => ({
      id,
      personId: "a",
      measuredOn,
      weightKg,
      lenheiCm: 70,
      measure: "l" as const,
      muacCm: null,
      headcCm: null,
      oedema: false,
    });
    const r = resultOf(c, [m("1", "2025-11-10", 8.0), m("2", "2025-12-10", 7.9)], "2");
    expect(r?.view.weighing).toBe("T");
    expect(r?.view.z.weight).toBeTypeOf("number");
    expect(r?.view.categories.tbu).toMatch(/^tbu\./);
  });
});
