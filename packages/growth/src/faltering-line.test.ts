/**
 * The Buku KIA rule for N and T (Buku KIA 2023, KMS page 54): N when the weight follows its growth line OR
 * the gain reaches the KBM; T when the line flattens or falls, or (below the line) the gain is under the KBM.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween } from "./age";
import { lmsAt } from "./curves";
import { faltering, LINE_TOLERANCE_KG, lineWeight, type Weighing } from "./faltering";
import { sdLms } from "./lms";

function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const i = y * 12 + (m - 1) + n;
  const last = new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The weight (kg, to the gram) of a child on WHO weight-for-age line `z` on `date`. */
function onLine(sex: 1 | 2, birth: string, date: string, z: number): number {
  const lms = lmsAt("wfa", sex, daysBetween(birth, date));
  if (!lms) throw new Error("outside the WHO table");
  return Math.round(sdLms(z, lms.l, lms.m, lms.s) * 1000) / 1000;
}

describe("a child growing along a WHO weight-for-age line is N every month (Buku KIA: 'mengikuti garis')", () => {
  it("property: any SD line −3…+3, either sex, any birth date, weighed monthly from birth to 59 months", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(-3, -2, -1, 0, 1, 2, 3),
        fc.constantFrom<1 | 2>(1, 2),
        fc.date({ min: new Date("2015-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 20 }),
        (z, sex, born, dayOfWeighing) => {
          const birth = born.toISOString().slice(0, 10);
          const history: Weighing[] = [];
          for (let m = 0; m <= 59; m++) {
            // Weighed on a posyandu day of each month (never before the birth).
            const date = m === 0 ? birth : addMonths(birth, m);
            const shifted =
              m === 0
                ? date
                : addMonths(`${date.slice(0, 8)}01`, 0).slice(0, 8) +
                  String(1 + dayOfWeighing).padStart(2, "0");
            const day = shifted < birth || daysBetween(birth, shifted) > 1856 ? date : shifted;
            history.push({ date: day, weightKg: onLine(sex, birth, day, z), birthDate: birth, sex });
          }
          const r = faltering(history);
          const judged = r.entries.filter((e) => e.status === "N" || e.status === "T");
          expect(r.entries[0]?.status).toBe("B");
          expect(judged.every((e) => e.status === "N")).toBe(true);
          expect(r.anyTwoT).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the KBM alone would have called the median child T from 2 years (why the line comes first)", () => {
    const birth = "2022-01-10";
    const h = [36, 37, 38].map((m) => {
      const date = addMonths(birth, m);
      return { date, weightKg: onLine(2, birth, date, 0), birthDate: birth, sex: 2 as const };
    });
    const gains = faltering(h).entries.slice(1);
    expect(gains.every((e) => (e.gainGrams ?? 0) < 200)).toBe(true); // under the 200 g KBM…
    expect(gains.map((e) => [e.status, e.reason])).toEqual([
      ["N", "follows_line"],
      ["N", "follows_line"],
    ]); // …yet on its line: N
    const noSex = faltering(h.map(({ sex: _s, ...w }) => w)).entries.slice(1);
    expect(noSex.map((e) => e.status)).toEqual(["T", "T"]); // without the sex, only the KBM can decide
  });
});

describe("T: the line flattens or falls (Buku KIA: 'mendatar atau menurun … atau kurang dari KBM')", () => {
  const birth = "2023-03-05";
  const at = (m: number, kg: number): Weighing => ({
    date: addMonths(birth, m),
    weightKg: kg,
    birthDate: birth,
    sex: 2,
  });

  it("a child who loses weight is T, twice in a row is 2T", () => {
    const r = faltering([at(30, 12.4), at(31, 12.2), at(32, 12.1)]);
    expect(r.entries.map((e) => [e.status, e.reason, e.twoT])).toEqual([
      ["B", "first", false],
      ["T", "flat_or_falling", false],
      ["T", "flat_or_falling", true],
    ]);
    expect(r.twoT).toBe(true);
  });

  it("a flat weight is T even when tiny children's lines barely rise", () => {
    const r = faltering([at(40, 14), at(41, 14)]);
    expect(r.entries[1]?.reason).toBe("flat_or_falling");
  });

  it("boundary: exactly one scale division below the line is N, one gram more is not (then the KBM decides)", () => {
    const prev = at(36, 13);
    const line = lineWeight(2, birth, prev, addMonths(birth, 37)) as number;
    const exact = Math.round((line - LINE_TOLERANCE_KG) * 1000) / 1000;
    const onEdge = faltering([prev, at(37, exact)]).entries[1];
    expect(onEdge?.reason).toBe("follows_line");
    const below = faltering([prev, at(37, exact - 0.001)]).entries[1];
    expect(below?.status).toBe("T"); // gain < 200 g KBM at 37 months
    expect(below?.reason).toBe("below_kbm");
  });

  it("below its line but gaining the KBM is still N (the KBM settles the doubt)", () => {
    // A girl born on +3 SD whose line gains ~1.3 kg in the first month gains exactly the 800 g KBM.
    const b = "2024-01-01";
    const w0: Weighing = { date: b, weightKg: onLine(2, b, b, 3), birthDate: b, sex: 2 };
    const w1: Weighing = { date: "2024-02-01", weightKg: w0.weightKg + 0.8, birthDate: b, sex: 2 };
    const line = lineWeight(2, b, w0, w1.date) as number;
    expect(w1.weightKg).toBeLessThan(line - LINE_TOLERANCE_KG);
    const e = faltering([w0, w1]).entries[1];
    expect([e?.status, e?.reason, e?.kbmGrams]).toEqual(["N", "kbm_reached", 800]);
  });
});

describe("B is a new arrival; an imported history is not new", () => {
  it("a first weighing from an e-PPGBM import is O, and the next month is judged against it", () => {
    const birth = "2022-06-01";
    const r = faltering([
      { date: "2025-01-10", weightKg: 13, birthDate: birth, sex: 1, imported: true },
      { date: "2025-02-10", weightKg: 13.2, birthDate: birth, sex: 1 },
    ]);
    expect(r.entries.map((e) => [e.status, e.reason])).toEqual([
      ["O", "imported_first"],
      ["N", "follows_line"],
    ]);
  });
  it("a child first weighed here (nothing imported) is B", () => {
    const r = faltering([{ date: "2025-01-10", weightKg: 13, birthDate: "2022-06-01", sex: 1 }]);
    expect(r.entries[0]?.status).toBe("B");
  });
});
