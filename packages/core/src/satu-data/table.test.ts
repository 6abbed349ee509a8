import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NO_DENOMINATOR_NOTE,
  SATU_DATA_COLUMNS,
  type SatuDataNode,
  SUPPRESSED_NOTE,
  satuDataRows,
} from "./table";

const INFO = { period: "2025", unit: "persen", source: "Tumbuh" };
const node = (code: string, parent: string | null, numerator: number, denominator: number): SatuDataNode => ({
  code,
  name: code,
  level: parent === null ? "kabupaten" : parent.length === 5 ? "kecamatan" : "desa",
  parent,
  numerator,
  denominator,
});
const col = (name: (typeof SATU_DATA_COLUMNS)[number]) => SATU_DATA_COLUMNS.indexOf(name);

describe("Satu Data rows", () => {
  it("publishes large counts with their percent and hides a small numerator with its complement", () => {
    const rows = satuDataRows(
      [node("64.01", null, 30, 200), node("64.01.01", "64.01", 27, 150), node("64.01.02", "64.01", 3, 50)],
      INFO,
    );
    expect(rows[0]).toEqual(["64.01", "64.01", "kabupaten", "2025", 30, 200, 15, "persen", "Tumbuh", null]);
    // 3 is small: hidden; its only sibling too, or 30 − 27 would give it back.
    for (const r of rows.slice(1)) {
      expect(r[col("pembilang")]).toBeNull();
      expect(r[col("nilai")]).toBeNull();
      expect(r[col("penyebut")]).not.toBeNull();
      expect(r[col("catatan")]).toBe(SUPPRESSED_NOTE);
    }
  });

  it("hides the numerator when the difference (e.g. registered but not weighed) is 1–4", () => {
    const rows = satuDataRows(
      [
        node("64.01", null, 200, 300),
        node("64.01.01", "64.01", 98, 100),
        node("64.01.02", "64.01", 102, 200),
      ],
      INFO,
    );
    // 100 − 98 = 2 children not weighed: would point at two families.
    expect(rows[1]?.[col("pembilang")]).toBeNull();
    expect(rows[1]?.[col("penyebut")]).toBe(100);
  });

  it("writes no percent for a region without anyone to count, and says why", () => {
    const [row] = satuDataRows([node("64.01", null, 0, 0)], INFO);
    expect(row?.[col("nilai")]).toBeNull();
    expect(row?.[col("pembilang")]).toBe(0);
    expect(row?.[col("catatan")]).toBe(NO_DENOMINATOR_NOTE);
  });

  it("never shows a count of 1–4, a difference of 1–4, or a lone hidden cell among siblings", () => {
    const desa = fc.tuple(fc.nat(40), fc.nat(60)).map(([num, extra]) => ({ num, den: num + extra }));
    fc.assert(
      fc.property(
        fc.array(fc.array(desa, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        (kecs) => {
          const nodes: SatuDataNode[] = [];
          const kecNodes = kecs.map((ds, k) => {
            const code = `64.01.0${k + 1}`;
            const d = ds.map((x, i) => node(`${code}.200${i + 1}`, code, x.num, x.den));
            const sum = (f: (n: SatuDataNode) => number) => d.reduce((a, n) => a + f(n), 0);
            return {
              k: node(
                code,
                "64.01",
                sum((n) => n.numerator),
                sum((n) => n.denominator),
              ),
              d,
            };
          });
          const top = node(
            "64.01",
            null,
            kecNodes.reduce((a, k) => a + k.k.numerator, 0),
            kecNodes.reduce((a, k) => a + k.k.denominator, 0),
          );
          nodes.push(top, ...kecNodes.flatMap((k) => [k.k, ...k.d]));
          const rows = satuDataRows(nodes, INFO);
          const shown = new Map(rows.map((r) => [r[0] as string, r]));
          for (const r of rows) {
            const num = r[col("pembilang")] as number | null;
            const den = r[col("penyebut")] as number | null;
            if (num !== null) expect(num === 0 || num >= 5).toBe(true);
            if (den !== null) expect(den === 0 || den >= 5).toBe(true);
            if (num !== null && den !== null) expect(den - num === 0 || den - num >= 5).toBe(true);
            if (num === null || den === null) expect(r[col("catatan")]).toContain(SUPPRESSED_NOTE);
          }
          // A parent shown with all but one child shown would give that child away.
          for (const n of nodes) {
            const kids = nodes.filter((c) => c.parent === n.code);
            const hiddenKids = kids.filter((c) => shown.get(c.code)?.[col("pembilang")] === null);
            if (shown.get(n.code)?.[col("pembilang")] !== null) expect(hiddenKids.length).not.toBe(1);
          }
        },
      ),
    );
  });
});
