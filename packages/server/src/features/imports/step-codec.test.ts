import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FlatRows } from "../../db/bulk-insert";
import type { WriteStep } from "./slices";
import { decodeSteps, encodeSteps } from "./step-codec";

/** A value as a row may hold it: text (the separator included), a number (any double), null. */
const value = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "Z", "\u0000", "é", " ", "0") }),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.NaN),
  fc.constant(null),
);

/** A column's values: all one value, all numbers, all text, or mixed — each kind travels its own way. */
const column = (rows: number) =>
  fc.oneof(
    value.map((v) => Array.from({ length: rows }, () => v)),
    fc.array(fc.oneof(fc.double(), fc.constant(null)), { minLength: rows, maxLength: rows }),
    fc.array(fc.oneof(fc.string(), fc.constant(null)), { minLength: rows, maxLength: rows }),
    fc.array(value, { minLength: rows, maxLength: rows }),
  );

const flatRows: fc.Arbitrary<FlatRows> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }))
  .chain(([rows, width]) =>
    fc.array(column(rows), { minLength: width, maxLength: width }).map((cols) => ({
      columns: cols.map((_, i) => `c${i}`),
      values: Array.from({ length: rows * width }, (_, v) => cols[v % width]?.[Math.floor(v / width)]),
    })),
  );

const steps: fc.Arbitrary<WriteStep[]> = fc.array(
  fc.record({ persons: flatRows, measurements: flatRows, sources: flatRows, count: fc.nat(300) }),
  { maxLength: 3 },
);

/** What SQLite would store: a NaN is stored as NULL. */
const stored = (s: readonly WriteStep[]) =>
  s.map((x) => ({
    ...x,
    persons: { ...x.persons, values: x.persons.values.map((v) => (Number.isNaN(v) ? null : v)) },
    measurements: {
      ...x.measurements,
      values: x.measurements.values.map((v) => (Number.isNaN(v) ? null : v)),
    },
    sources: { ...x.sources, values: x.sources.values.map((v) => (Number.isNaN(v) ? null : v)) },
  }));

describe("steps sent to the import's writer thread", () => {
  it("come back exactly: every text, number and null in its row and column", () => {
    fc.assert(
      fc.property(steps, (s) => {
        const encoded = encodeSteps(s);
        // As postMessage delivers it: a structured clone (the number columns are moved, not copied).
        const received = structuredClone(encoded.steps, { transfer: encoded.transfer });
        expect(stored(decodeSteps(received))).toEqual(stored(s));
      }),
      { numRuns: 300 },
    );
  });

  it("send a column holding one value once, and numbers as numbers", () => {
    const rows = {
      columns: ["import_id", "weight_kg", "name"],
      values: ["imp-1", 9.1, "Aisyah", "imp-1", null, "Budi\u0000", "imp-1", 8.25, null],
    };
    const [step] = encodeSteps([{ persons: rows, measurements: rows, sources: rows, count: 3 }]).steps;
    expect(step?.persons.data).toEqual([
      { same: "imp-1" },
      { numbers: new Float64Array([9.1, Number.NaN, 8.25]) },
      // Text holding the separator travels as it is.
      { mixed: ["Aisyah", "Budi\u0000", null] },
    ]);
  });
});
