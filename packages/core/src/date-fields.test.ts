import { describe, expect, it } from "vitest";
import { CatinInput, FamilyScreeningInput, TpkVisitInput } from "./families/schemas";
import { CycleSettings, MeetingInput } from "./planning/schemas";
import { IsoDate, MeasurementInput, PersonInput, PregnancyInput } from "./registry-schemas";
import { ServiceRecordInput } from "./services/schemas";

// Issue 18: 9999-12-31 was accepted in date fields. Every input date goes through the one IsoDate schema.
describe("date fields", () => {
  it("IsoDate takes real dates from 1900 to 2099 and refuses impossible ones", () => {
    for (const ok of ["1900-01-01", "2026-02-28", "2024-02-29", "2099-12-31"])
      expect(IsoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      "9999-12-31",
      "2100-01-01",
      "1899-12-31",
      "0001-01-01",
      "2026-02-30",
      "2026-2-1",
      "26-02-01",
    ])
      expect(IsoDate.safeParse(bad).success, bad).toBe(false);
  });

  it("every date field of the input schemas refuses 9999-12-31 naming the field", () => {
    const cases: [
      string,
      { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
      object,
      string,
    ][] = [
      [
        "person",
        PersonInput,
        { regionCode: "64.01", name: "A", sex: 1, birthDate: "9999-12-31" },
        "birthDate",
      ],
      [
        "measurement",
        MeasurementInput,
        { personId: "x", measuredOn: "9999-12-31", weightKg: 8 },
        "measuredOn",
      ],
      ["pregnancy", PregnancyInput, { personId: "x", lmpDate: "9999-12-31" }, "lmpDate"],
      ["service", ServiceRecordInput, { personId: "x", service: "x", givenOn: "9999-12-31" }, "givenOn"],
      ["screening", FamilyScreeningInput, { screenedOn: "9999-12-31" }, "screenedOn"],
      ["catin", CatinInput, { marriageDate: "9999-12-31" }, "marriageDate"],
      ["tpk visit", TpkVisitInput, { visitedOn: "9999-12-31" }, "visitedOn"],
      ["cycle", CycleSettings, { musyawarahDate: "9999-12-31" }, "musyawarahDate"],
      ["meeting", MeetingInput, { heldOn: "9999-12-31" }, "heldOn"],
    ];
    for (const [name, schema, value, field] of cases) {
      const r = schema.safeParse(value);
      expect(r.success, name).toBe(false);
      expect(
        r.error?.issues.map((i) => i.path.join(".")),
        name,
      ).toContain(field);
    }
  });
});
