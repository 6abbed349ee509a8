import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogForRegion, indicatorsOf, SCORE_GROUPS } from "./catalog";
import type { ScoreCell } from "./rules";
import { convergencePercent, type ScorecardRow, totalsOf } from "./scorecard";

const catalog = catalogForRegion("64.01");
const cellArb = fc.constantFrom<ScoreCell | null>("Y", "T", "TS", null);

const rowsArb = fc.array(
  fc.record({
    group: fc.constantFrom(...SCORE_GROUPS),
    cells: fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 11, maxLength: 11 }),
  }),
  { maxLength: 30 },
);

function toRows(
  raw: { group: (typeof SCORE_GROUPS)[number]; cells: (ScoreCell | null)[][] }[],
): ScorecardRow[] {
  return raw.map((r, i) => ({
    personId: `p${i}`,
    name: `P ${i}`,
    regionCode: "64.01.05.2003",
    group: r.group,
    cells: Object.fromEntries(indicatorsOf(catalog, r.group).map((ind, k) => [ind.code, r.cells[k] ?? []])),
  }));
}

describe("convergence %", () => {
  it("is ΣY ÷ (cells − ΣTS) × 100", () => {
    expect(convergencePercent(3, 10, 4)).toBe(50);
    expect(convergencePercent(0, 2, 2)).toBeNull();
  });

  it("stays within 0–100", () => {
    fc.assert(
      fc.property(rowsArb, (raw) => {
        const totals = totalsOf(catalog, toRows(raw));
        for (const p of [totals.percent, ...totals.groups.map((g) => g.percent)]) {
          if (p !== null) expect(p >= 0 && p <= 100).toBe(true);
        }
      }),
    );
  });

  /** Change one cell of a random row from `from` to `to` and compare the overall %. */
  function changing(from: ScoreCell, to: ScoreCell) {
    return fc.property(rowsArb, fc.nat(), fc.nat(), (raw, a, b) => {
      const rows = toRows(raw);
      const spots = rows.flatMap((r, ri) =>
        Object.entries(r.cells).flatMap(([code, cs]) =>
          cs.flatMap((c, mi) => (c === from ? [{ ri, code, mi }] : [])),
        ),
      );
      fc.pre(spots.length > 0);
      const spot = spots[(a + b) % spots.length];
      if (!spot) return;
      const before = totalsOf(catalog, rows).percent ?? 0;
      const changed = rows.map((r, ri) =>
        ri !== spot.ri
          ? r
          : {
              ...r,
              cells: {
                ...r.cells,
                [spot.code]: (r.cells[spot.code] ?? []).map((c, mi) => (mi === spot.mi ? to : c)),
              },
            },
      );
      const after = totalsOf(catalog, changed).percent;
      // Marking the only applicable cell TS leaves nothing applicable: no % rather than a lower one.
      if (after !== null) expect(after).toBeGreaterThanOrEqual(before - 1e-9);
    });
  }

  it("never falls when a T becomes Y", () => fc.assert(changing("T", "Y")));
  it("never falls when a T becomes TS", () => fc.assert(changing("T", "TS")));
  it("can fall when a received (Y) cell is marked TS: the property holds for T → TS only", () => {
    // 1 Y + 1 T = 50 %; the Y marked TS leaves 0 of 1 = 0 %.
    expect(convergencePercent(1, 2, 0)).toBe(50);
    expect(convergencePercent(0, 2, 1)).toBe(0);
  });
});
