import { zscores } from "@tumbuh/growth";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween } from "./dates";
import { type Derived, derive, deriveMany, type RawMeasurement } from "./growth-derive";

/** What a measurement keeps, read from the growth package's object API (`zscores`) field by field. */
function viaZscores(person: { sex: 1 | 2; birthDate: string }, m: RawMeasurement): Derived {
  const ageDays = daysBetween(person.birthDate, m.measuredOn);
  const r = zscores({
    sex: person.sex,
    ageDays,
    weightKg: m.weightKg,
    lenheiCm: m.lenheiCm,
    measure: m.measure,
    oedema: m.oedema,
    headcCm: m.headcCm,
    muacCm: m.muacCm,
  });
  const flags = (
    [
      ["zlen", r.flen],
      ["zwei", r.fwei],
      ["zwfl", r.fwfl],
      ["zbmi", r.fbmi],
      ["zhc", r.fhc],
      ["zac", r.fac],
      ["zhfa", r.fhfa],
      ["zwfa", r.fwfa],
      ["zbfa", r.fbfa],
    ] as const
  ).flatMap(([name, f]) => (f === 1 ? [name] : []));
  return {
    ageDays,
    clenhei: r.clenhei,
    zlen: r.zlenRounded ?? r.zhfaRounded,
    zwei: r.zweiRounded ?? r.zwfaRounded,
    zwfl: r.zwflRounded,
    zbmi: r.zbmiRounded ?? r.zbfaRounded,
    flags,
    ...r.categories,
  };
}

const day = fc
  .integer({ min: Date.UTC(2005, 0, 1) / 864e5, max: Date.UTC(2026, 11, 31) / 864e5 })
  .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
const optional = (min: number, max: number) =>
  fc.option(fc.double({ min, max, noNaN: true }), { nil: null, freq: 4 });
const item = fc.record({
  person: fc.record({ sex: fc.constantFrom(1 as const, 2 as const), birthDate: day }),
  m: fc.record({
    id: fc.constant("m"),
    measuredOn: day,
    weightKg: optional(-1, 90),
    lenheiCm: optional(-1, 190),
    measure: fc.constantFrom("l" as const, "h" as const, null),
    muacCm: optional(0, 40),
    headcCm: optional(0, 60),
    oedema: fc.boolean(),
    measuredBy: fc.constant(null),
  }),
});

describe("derive and deriveMany", () => {
  it("keep exactly what the growth package's zscores gives, child by child or all at once", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 0, maxLength: 40 }), (items) => {
        const expected = items.map(({ person, m }) => viaZscores(person, m));
        expect(items.map(({ person, m }) => derive(person, m))).toEqual(expected);
        expect(deriveMany(items)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("a 2-year-old's weighing: rounded z-scores, categories, no flags", () => {
    const d = derive(
      { sex: 1, birthDate: "2023-08-10" },
      {
        id: "m",
        measuredOn: "2025-08-10",
        weightKg: 12.2,
        lenheiCm: 87.1,
        measure: "h",
        muacCm: null,
        headcCm: null,
        oedema: false,
        measuredBy: null,
      },
    );
    expect(d.ageDays).toBe(731);
    expect(d.tbu).toBe("tbu.normal");
    expect(d.flags).toEqual([]);
    expect(d.zlen).not.toBeNull();
  });
});
