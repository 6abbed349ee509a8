import { KpmFactsSchema, StoredMeetingMappingSchema, TARGET_ROLES, TextListSchema } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { parseJsonColumn } from "./json-column";

const targets = Object.fromEntries(TARGET_ROLES.map((r) => [r, 1]));
// A snapshot stored before the scorecard (issue 6) and family (issue 8) figures existed.
const oldSnapshot = { targets, children0to59: 3, stunted: 1, notMeasured2m: 0 };

describe("planning's JSON columns", () => {
  it("reads a meeting's mapping snapshot, old ones without scorecard and families included", () => {
    const m = parseJsonColumn(StoredMeetingMappingSchema, JSON.stringify(oldSnapshot));
    expect(m.targets.anak_24_59).toBe(1);
    expect(m.scorecard).toBeUndefined();
    expect(m.families).toBeUndefined();
  });

  it("refuses a snapshot or list that is not what was stored, instead of passing it on", () => {
    const { anak_0_6: _dropped, ...fewer } = targets;
    expect(() =>
      parseJsonColumn(StoredMeetingMappingSchema, JSON.stringify({ ...oldSnapshot, targets: fewer })),
    ).toThrow();
    expect(() => parseJsonColumn(TextListSchema, '["ok", 3]')).toThrow();
    // Saved before the school-age role existed (issue 14): read with 0, not refused.
    const { anak_usia_sekolah: _new, ...before } = targets;
    const read = parseJsonColumn(
      StoredMeetingMappingSchema,
      JSON.stringify({ ...oldSnapshot, targets: before }),
    );
    expect(JSON.stringify(read)).toContain('"anak_usia_sekolah":0');
    expect(() => parseJsonColumn(TextListSchema, "not json")).toThrow();
  });

  it("reads a KPM's facts", () => {
    const facts = {
      resident: true,
      cadreYears: 2.5,
      speaksLocalLanguage: false,
      education: "d3",
      canUseOffice: true,
    };
    expect(parseJsonColumn(KpmFactsSchema, JSON.stringify(facts))).toEqual(facts);
    expect(() => parseJsonColumn(KpmFactsSchema, JSON.stringify({ ...facts, education: "phd" }))).toThrow();
  });
});
