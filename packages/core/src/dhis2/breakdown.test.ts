import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countChildren } from "../indicators/child-counts";
import { ageBand, breakdownChildren, breakdownProblems, breakdownTotal, CELL_KEYS } from "./breakdown";

const child = (id: string, sex: number, birthDate: string) => ({ id, sex, birthDate });
const m = (
  personId: string,
  measuredOn: string,
  zlen: number | null,
  zwei: number | null = 0,
  zwfl: number | null = 0,
  flagged = false,
) => ({
  personId,
  measuredOn,
  zlen,
  zwei,
  zwfl,
  flagged,
});

describe("DHIS2 breakdown by sex and age band", () => {
  it("puts a child in the band of its age at its latest measurement and grades its latest z", () => {
    const b = breakdownChildren(
      [child("a", 2, "2025-03-10"), child("b", 1, "2023-01-05"), child("c", 1, "2025-08-01")],
      [
        m("a", "2025-09-02", -1.5),
        m("a", "2025-09-20", -3.4), // latest: severe, 6 completed months
        m("b", "2025-09-05", -2.5, -2.1, -3.2),
      ],
      "2025-09",
    );
    expect(b["female:6-11"]).toMatchObject({ registered: 1, measured: 1, tbu_measured: 1, tbu_severe: 1 });
    expect(b["male:24-59"]).toMatchObject({ tbu_moderate: 1, bbu_moderate: 1, bbtb_severe: 1 });
    // Not measured: counted registered, in the band of its age at the month's end.
    expect(b["male:0-5"]).toMatchObject({ registered: 1, measured: 0 });
    expect(breakdownProblems(b, "x")).toEqual([]);
  });

  it("leaves out a flagged implausible value and keeps the earlier usable one", () => {
    const b = breakdownChildren(
      [child("a", 1, "2024-01-01")],
      [m("a", "2025-09-01", -2.5), m("a", "2025-09-15", -7, 0, 0, true)],
      "2025-09",
    );
    expect(b["male:12-23"]).toMatchObject({ measured: 1, tbu_measured: 1, tbu_moderate: 1 });
  });

  it("names the area and cell when the parts do not add up", () => {
    const b = breakdownChildren([child("a", 1, "2024-01-01")], [m("a", "2025-09-01", -1)], "2025-09");
    b["male:12-23"].tbu_normal = 0;
    expect(breakdownProblems(b, "Desa Sandeley")).toEqual([
      "Desa Sandeley male:12-23: tbu severe + moderate + normal = 0, measured 1",
    ]);
  });

  it("bands at 6, 12 and 24 completed months", () => {
    expect([0, 5, 6, 11, 12, 23, 24, 59].map(ageBand)).toEqual([
      "0-5",
      "0-5",
      "6-11",
      "6-11",
      "12-23",
      "12-23",
      "24-59",
      "24-59",
    ]);
  });

  // The totals must be the dashboard's: the same children, the same latest usable values.
  it("adds up to the indicator dashboard's counts for any month or year (property)", () => {
    const day = fc
      .date({ min: new Date("2019-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const z = fc.option(fc.double({ min: -8, max: 8, noNaN: true }).map((x) => Math.round(x * 100) / 100));
    const world = fc.record({
      children: fc.array(fc.tuple(fc.integer({ min: 1, max: 2 }), day, fc.option(day)), { maxLength: 12 }),
      measurements: fc.array(fc.tuple(fc.nat(11), day, z, z, z, fc.boolean(), fc.boolean()), {
        maxLength: 40,
      }),
      period: fc.oneof(
        fc.constantFrom("2024", "2025"),
        fc
          .tuple(fc.constantFrom("2024", "2025"), fc.integer({ min: 1, max: 12 }))
          .map(([y, mo]) => `${y}-${String(mo).padStart(2, "0")}`),
      ),
    });
    fc.assert(
      fc.property(world, (w) => {
        // Some moved away or died (issue 17), some measurements are length only (not a weighing).
        const children = w.children.map(([sex, birth, left], i) => ({
          ...child(`c${i}`, sex, birth),
          leftOn: left,
        }));
        const ms = w.measurements
          .filter(([i]) => i < children.length)
          .map(([i, d, zl, zw, zf, f, weighed]) => ({
            ...m(`c${i}`, d, zl, zw ?? null, zf ?? null, f),
            weighed,
          }));
        const total = breakdownTotal(breakdownChildren(children, ms, w.period));
        const dash = countChildren(children, ms, [w.period]).get(w.period);
        expect(total.registered).toBe(dash?.registered);
        expect(total.measured).toBe(dash?.measured);
        expect(total.tbu_measured).toBe(dash?.lenN);
        expect(total.tbu_severe + total.tbu_moderate).toBe(dash?.stunted);
        expect(total.bbu_measured).toBe(dash?.weiN);
        expect(total.bbu_severe + total.bbu_moderate).toBe(dash?.underweight);
        expect(total.bbtb_measured).toBe(dash?.wflN);
        expect(total.bbtb_severe + total.bbtb_moderate).toBe(dash?.wasted);
      }),
      { numRuns: 300 },
    );
  });

  it("has eight cells", () => {
    expect(CELL_KEYS).toHaveLength(8);
  });
});
