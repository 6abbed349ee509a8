import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countPersons, type PersonMonthCell } from "./person-periods";

const c = (personId: string, month: string, cell: "Y" | "T" | "TS" | null): PersonMonthCell => ({
  personId,
  month,
  cell,
});

// Perbup Paser 47/2024 Pasal 7 c, g, p, q, t name persons ("ibu hamil …", "orang tua …", "anak …"):
// a year is the persons who met the standard in it, not the sum of their months.
describe("countPersons", () => {
  it("a woman judged every month of a year is one person in the year, not twelve target-months", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);
    const year = countPersons(
      months.map((m) => c("a", m, "Y")),
      "last",
    );
    expect(year.get("2025")).toEqual({ numerator: 1, denominator: 1 });
    expect(year.get("2025-S2")).toEqual({ numerator: 1, denominator: 1 });
    expect(year.get("2025-Q1")).toEqual({ numerator: 1, denominator: 1 });
    expect(year.get("2025-07")).toEqual({ numerator: 1, denominator: 1 });
  });
  it("cumulative rules (ANC, counselling, nifas: Pasal 7 g, c, t) take the last judged month of the period", () => {
    const cells = [
      c("fell-behind", "2025-01", "Y"),
      c("fell-behind", "2025-02", "Y"),
      c("fell-behind", "2025-03", "T"), // missed what was due by March, never caught up
      c("caught-up", "2025-01", "T"),
      c("caught-up", "2025-02", "Y"),
      c("caught-up", "2025-03", "TS"), // delivered; nothing more judged
    ];
    const q1 = countPersons(cells, "last").get("2025-Q1");
    expect(q1).toEqual({ numerator: 1, denominator: 2 });
    // The same cells under "any" (attendance rules) count both.
    expect(countPersons(cells, "any").get("2025-Q1")).toEqual({ numerator: 2, denominator: 2 });
  });
  it("attendance rules (parenting, PAUD: Pasal 7 p, q) count a person who attended in any month", () => {
    const cells = [c("a", "2025-07", "T"), c("a", "2025-08", "Y"), c("a", "2025-12", "T")];
    const any = countPersons(cells, "any");
    expect(any.get("2025-S2")).toEqual({ numerator: 1, denominator: 1 });
    expect(any.get("2025-Q4")).toEqual({ numerator: 0, denominator: 1 });
    expect(any.get("2025-S1")).toBeUndefined();
  });
  it("TS and empty months judge nothing: a person never judged is in no denominator", () => {
    const out = countPersons([c("a", "2025-03", "TS"), c("a", "2025-04", null)], "last");
    expect(out.size).toBe(0);
  });
  it("a longer period never counts more persons than its months together, nor fewer than any one month", () => {
    const cell = fc.constantFrom<"Y" | "T" | "TS">("Y", "T", "TS");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d"), fc.integer({ min: 1, max: 12 }), cell), {
          maxLength: 40,
        }),
        fc.constantFrom<"last" | "any">("last", "any"),
        (rows, rule) => {
          const cells = rows.map(([p, m, v]) => c(p, `2025-${String(m).padStart(2, "0")}`, v));
          const out = countPersons(cells, rule);
          const year = out.get("2025") ?? { numerator: 0, denominator: 0 };
          let monthSum = 0;
          for (const [k, f] of out) {
            if (k.length !== 7 || k.includes("Q") || k.includes("S")) continue;
            monthSum += f.denominator;
            expect(year.denominator).toBeGreaterThanOrEqual(f.denominator);
          }
          expect(year.denominator).toBeLessThanOrEqual(monthSum);
          expect(year.denominator).toBe(
            new Set(cells.filter((x) => x.cell !== "TS").map((x) => x.personId)).size,
          );
          expect(year.numerator).toBeLessThanOrEqual(year.denominator);
        },
      ),
    );
  });
});

describe("PersonPeriods", () => {
  // The definition written out plainly (per period and person, by scanning every cell), against the counter
  // the dashboards' rebuild feeds one person at a time (countPersons is made of it).
  it("counts what the definition counts, whatever the order of persons and of months within a person", () => {
    const cell = fc.constantFrom<"Y" | "T" | "TS" | null>("Y", "T", "TS", null);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 1, max: 18 }), cell), {
          maxLength: 40,
        }),
        fc.constantFrom<"last" | "any">("last", "any"),
        (rows, rule) => {
          const month = (i: number) =>
            `${2025 + Math.floor((i - 1) / 12)}-${String(((i - 1) % 12) + 1).padStart(2, "0")}`;
          const cells = rows.map(([p, m, v]) => c(p, month(m), v));
          const expected = new Map<string, { numerator: number; denominator: number }>();
          const periodsOf = (m: string) => [
            m,
            `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`,
            `${m.slice(0, 4)}-S${Number(m.slice(5)) <= 6 ? 1 : 2}`,
            m.slice(0, 4),
          ];
          const judged = cells.filter((x) => x.cell === "Y" || x.cell === "T");
          const periods = new Set(judged.flatMap((x) => periodsOf(x.month)));
          for (const period of periods)
            for (const person of new Set(judged.map((x) => x.personId))) {
              const mine = judged.filter((x) => x.personId === person && periodsOf(x.month).includes(period));
              if (mine.length === 0) continue;
              const lastMonth = mine
                .map((x) => x.month)
                .sort()
                .at(-1);
              const met =
                rule === "last"
                  ? mine.filter((x) => x.month === lastMonth).at(-1)?.cell === "Y"
                  : mine.some((x) => x.cell === "Y");
              const f = expected.get(period) ?? { numerator: 0, denominator: 0 };
              f.denominator++;
              if (met) f.numerator++;
              expected.set(period, f);
            }
          expect(countPersons(cells, rule)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
