import { completedMonths } from "@tumbuh/growth/age";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { periodBounds, periodKind } from "../period";
import {
  type CountedChild,
  type CountedMeasurement,
  countChildren,
  emptyCounts,
  fifthBirthday,
  registeredIn,
} from "./child-counts";
import { monthsEnding } from "./periods";

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
  it("a month's S and D are the SKDN's: 0–59 months at the month's end, weighed in the month", () => {
    const kids = [
      { id: "turns60", birthDate: "2020-06-15" }, // 59 months on 1 June, 60 on 30 June 2025: not in S
      { id: "59", birthDate: "2020-07-01" }, // 59 completed months on 30 June 2025: in S
      { id: "len-only", birthDate: "2024-01-01" },
    ];
    const june = countChildren(
      kids,
      [m("turns60", "2025-06-02"), m("59", "2025-06-03"), m("len-only", "2025-06-04", { weighed: false })],
      ["2025-06", "2025"],
    );
    expect(june.get("2025-06")).toMatchObject({ registered: 2, measured: 1 });
    // The year still counts every child who was a balita at some time in it.
    expect(june.get("2025")).toMatchObject({ registered: 3, measured: 2 });
  });
  it("a child who moved away or died leaves the denominators from that date", () => {
    const kids = [{ id: "a", birthDate: "2024-01-10", leftOn: "2025-06-15" }];
    const c = countChildren(
      kids,
      [m("a", "2025-06-03")],
      ["2025-05", "2025-06", "2025-07", "2025-Q3", "2025-S1"],
    );
    expect(c.get("2025-05")?.registered).toBe(1);
    expect(c.get("2025-06")).toMatchObject({ registered: 1, measured: 1 }); // was here part of June
    expect(c.get("2025-07")?.registered).toBe(0);
    expect(c.get("2025-Q3")?.registered).toBe(0);
    expect(c.get("2025-S1")).toMatchObject({ registered: 1, measured: 1 });
    const leftFirst = countChildren(
      [{ ...kids[0], id: "a", birthDate: "2024-01-10", leftOn: "2025-07-01" }],
      [],
      ["2025-07"],
    );
    expect(leftFirst.get("2025-07")?.registered).toBe(0);
  });
  it("quarters and semesters count each child once by its latest measurement in them", () => {
    const ms = [
      m("a", "2025-04-10", { zlen: -2.5 }),
      m("a", "2025-06-10", { zlen: -1 }),
      m("a", "2025-07-10", { zlen: -3 }),
    ];
    const c = countChildren(children, ms, ["2025-Q2", "2025-S1", "2025-S2"]);
    expect(c.get("2025-Q2")).toMatchObject({ measured: 1, stunted: 0 });
    expect(c.get("2025-S1")).toMatchObject({ measured: 1, stunted: 0 });
    expect(c.get("2025-S2")).toMatchObject({ measured: 1, stunted: 1 });
  });
});

describe("fifthBirthday", () => {
  it("is the first day of 60 completed months, for every birth date (born 29 February: five on 28 February)", () => {
    const day = fc
      .date({
        min: new Date("2000-01-01T00:00:00Z"),
        max: new Date("2040-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (born, shift) => {
        const five = fifthBirthday(born);
        const near = addDays(five, shift);
        expect(completedMonths(born, near) >= 60).toBe(near >= five);
      }),
    );
    expect(fifthBirthday("2024-02-29")).toBe("2029-02-28");
  });
});

describe("childCounter", () => {
  // The rules written out plainly, as countChildren was before it asked them per birth date (issue 18).
  function reference(children: CountedChild[], ms: CountedMeasurement[], periods: string[]) {
    const out = new Map(periods.map((p) => [p, emptyCounts()]));
    for (const child of children) {
      for (const p of periods) {
        const month = periodKind(p) === "month";
        const b = periodBounds(p);
        if (!registeredIn(child, b, month)) continue;
        const c = out.get(p) as ReturnType<typeof emptyCounts>;
        c.registered++;
        const own = ms
          .filter((x) => x.personId === child.id && x.measuredOn >= b.start && x.measuredOn <= b.end)
          .filter(
            (x) => x.measuredOn >= child.birthDate && completedMonths(child.birthDate, x.measuredOn) < 60,
          )
          .sort((x, y) => (x.measuredOn < y.measuredOn ? -1 : 1));
        const last = own.at(-1);
        if (!last) continue;
        if (own.some((x) => x.weighed !== false)) c.measured++;
        if (last.flagged) c.flagged++;
        const latest = (key: "zlen" | "zwei" | "zwfl", lo: number, hi: number) =>
          own
            .filter(
              (x) =>
                x[key] !== null && (!x.flagged || ((x[key] as number) >= lo && (x[key] as number) <= hi)),
            )
            .at(-1)?.[key] ?? null;
        const zlen = latest("zlen", -6, 6);
        const zwei = latest("zwei", -6, 5);
        const zwfl = latest("zwfl", -5, 5);
        if (zlen !== null) {
          c.lenN++;
          if (zlen < -2) c.stunted++;
        }
        if (zwei !== null) {
          c.weiN++;
          if (zwei < -2) c.underweight++;
        }
        if (zwfl !== null) {
          c.wflN++;
          if (zwfl < -2) c.wasted++;
        }
      }
    }
    return out;
  }
  const day = (from: string, to: string) =>
    fc
      .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  const z = fc.option(fc.double({ min: -7, max: 7, noNaN: true }), { nil: null });
  it("counts as the rules say, whatever the children, days and periods", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            birthDate: day("2019-01-01", "2026-06-30"),
            leftOn: fc.option(day("2024-01-01", "2026-06-30"), { nil: null }),
            ms: fc.array(
              fc.record({
                // Days around birth and the fifth birthday, where the age rules bite.
                age: fc.oneof(fc.integer({ min: -20, max: 1900 }), fc.integer({ min: 1790, max: 1860 })),
                zlen: z,
                zwei: z,
                zwfl: z,
                flagged: fc.boolean(),
                weighed: fc.boolean(),
              }),
              { maxLength: 8 },
            ),
          }),
          { maxLength: 12 },
        ),
        (drawn) => {
          const children = drawn.map((c, i) => ({ id: `c${i}`, birthDate: c.birthDate, leftOn: c.leftOn }));
          const ms = drawn.flatMap((c, i) =>
            c.ms.map(({ age, ...x }) => ({ ...x, measuredOn: addDays(c.birthDate, age), personId: `c${i}` })),
          );
          const periods = [...monthsEnding("2026-06", 30), "2024-Q4", "2025-Q1", "2025-S2", "2025", "2026"];
          expect(countChildren(children, ms, periods)).toEqual(reference(children, ms, periods));
        },
      ),
    );
  });
});
