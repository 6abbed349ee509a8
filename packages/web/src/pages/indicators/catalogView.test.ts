import type { IndicatorDef } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { groupCatalog, readTargetForm, targetFormOf } from "./catalogView";

const base: Omit<IndicatorDef, "id" | "source"> = {
  activity: null,
  text: "t",
  target: { kind: "percent", value: 7.4, original: "Target: 7,4%", direction: "down", per: null },
  year: null,
  urusan: null,
  responsible: [],
  supporting: [],
  measure: { mode: "entered" },
};

describe("catalog page helpers", () => {
  it("groups by source in the regulation's order and by strategy inside the annex", () => {
    const defs: IndicatorDef[] = [
      {
        ...base,
        id: "annex.P1.b.1",
        source: { kind: "annex", section: "P1", strategy: "b", number: 1 },
        activity: "B",
      },
      { ...base, id: "pasal7.a", source: { kind: "pasal7", letter: "a" } },
      {
        ...base,
        id: "annex.P1.a.1",
        source: { kind: "annex", section: "P1", strategy: "a", number: 1 },
        activity: "A",
      },
      {
        ...base,
        id: "annex.P1.a.2",
        source: { kind: "annex", section: "P1", strategy: "a", number: 2 },
        activity: "A",
      },
      { ...base, id: "pasal6.1.2024", source: { kind: "pasal6", ayat: 1 } },
    ];
    const groups = groupCatalog(defs);
    expect(groups.map((g) => g.group)).toEqual(["pasal6", "pasal7", "P1"]);
    const p1 = groups[2]?.blocks.map((b) => [b.strategy, b.activity, b.items.map((d) => d.id)]);
    expect(p1).toEqual([
      ["b", "B", ["annex.P1.b.1"]],
      ["a", "A", ["annex.P1.a.1", "annex.P1.a.2"]],
    ]);
  });

  it("reads the edit form: decimal comma, empty value and year mean none, bad input named", () => {
    const form = targetFormOf({ ...base, id: "x", source: { kind: "pasal7", letter: "a" } });
    expect(form).toEqual({ value: "7,4", original: "Target: 7,4%", year: "" });
    expect(readTargetForm(form)).toEqual({
      ok: true,
      input: { value: 7.4, original: "Target: 7,4%", year: null },
    });
    expect(readTargetForm({ value: "", original: " x ", year: "2026" })).toEqual({
      ok: true,
      input: { value: null, original: "x", year: 2026 },
    });
    expect(readTargetForm({ value: "90%", original: "", year: "26" })).toEqual({
      ok: false,
      errors: { value: "cat.badNumber", year: "cat.badYear" },
    });
  });
});
