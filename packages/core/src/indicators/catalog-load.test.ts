import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCatalogError, parseCatalog, sourceLabel } from "./catalog-load";
import type { IndicatorDef } from "./catalog-schema";

function def(id: string, over: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    id,
    source: { kind: "annex", section: "A", strategy: "a", number: 1 },
    activity: "Tersedianya layanan Intervensi Spesifik.",
    text: "Persentase …",
    target: { kind: "percent", value: 90, original: "Target: 90%", direction: "up", per: null },
    year: null,
    urusan: "Bidang Kesehatan",
    responsible: ["Dinas Kesehatan"],
    supporting: [],
    measure: { mode: "entered" },
    ...over,
  };
}
const file = (indicators: unknown[]) =>
  JSON.stringify({ regulation: "Perbup X", regency: "16.12", indicators });

describe("parseCatalog", () => {
  it("accepts a valid file", () => {
    const r = parseCatalog(file([def("a.1"), def("a.2")]));
    expect(r.ok).toBe(true);
  });

  it("refuses text that is not JSON", () => {
    const r = parseCatalog("{ nope");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ index: null, field: "(file)" });
  });

  it("names the indicator (position and id) and the field of a bad value", () => {
    const bad = { ...def("annex.A.b.3"), target: { ...def("x").target, kind: "kilogram" } };
    const r = parseCatalog(file([def("a.1"), bad]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ index: 1, id: "annex.A.b.3", field: "target.kind" });
    expect(formatCatalogError(r.errors[0] as never)).toMatch(
      /^indicator 2 \(annex\.A\.b\.3\) target\.kind: /,
    );
  });

  it("names a missing top-level field", () => {
    const r = parseCatalog(JSON.stringify({ regulation: "x", indicators: [] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ index: null, field: "regency" });
  });

  it("refuses unknown computations, dangling targetFrom, a value on a 'none' target, a frequency without period", () => {
    const r = parseCatalog(
      file([
        def("a.1", { measure: { mode: "computed", computation: "magic" } }),
        def("a.2", { targetFrom: "a.9" }),
        def("a.3", { target: { kind: "none", value: 3, original: "", direction: "up", per: null } }),
        def("a.4", {
          target: { kind: "frequency", value: 1, original: "Target: 1x", direction: "up", per: null },
        }),
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.id, e.field])).toEqual([
        ["a.1", "measure.computation"],
        ["a.2", "targetFrom"],
        ["a.3", "target.value"],
        ["a.4", "target.per"],
      ]);
  });

  it("refuses any duplicated id, naming the later copy and the first position", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.nat(), (n, a, b) => {
        const ids = Array.from({ length: n }, (_, i) => `x.${i}`);
        const first = a % n;
        let second = b % n;
        if (second === first) second = (second + 1) % n;
        const [lo, hi] = first < second ? [first, second] : [second, first];
        ids[hi] = ids[lo] as string;
        const r = parseCatalog(file(ids.map((id) => def(id))));
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.errors).toHaveLength(1);
          expect(r.errors[0]).toMatchObject({ index: hi, id: ids[lo], field: "id" });
          expect(r.errors[0]?.message).toContain(`indicator ${lo + 1}`);
        }
      }),
    );
  });

  it("labels sources as the regulation cites them", () => {
    expect(sourceLabel({ kind: "pasal7", letter: "f" })).toBe("Pasal 7 huruf f");
    expect(sourceLabel({ kind: "pasal6", ayat: 1 })).toBe("Pasal 6 ayat (1)");
    expect(sourceLabel({ kind: "annex", section: "A", strategy: "b", number: 4 })).toBe("Lampiran A b.4");
    expect(sourceLabel({ kind: "annex", section: "P3", strategy: "b", number: 5 })).toBe(
      "Lampiran B Pilar 3 b.5",
    );
  });
});
