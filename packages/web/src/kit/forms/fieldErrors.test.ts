import { HouseholdInput, PersonInput } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { issuesToFieldErrors, messageForIssue } from "./fieldErrors";

describe("zod issues → field messages", () => {
  it("maps the person schema's issues to one message per field", () => {
    const payload = {
      regionCode: "64.01.05.2003",
      name: " ",
      sex: undefined,
      birthDate: "2025-02-30",
      birthWeightKg: 0,
      birthLengthCm: 90,
    };
    const r = PersonInput.safeParse(payload);
    expect(r.success).toBe(false);
    const errors = issuesToFieldErrors(r.error?.issues ?? [], payload, {
      rename: { birthWeightKg: "birthWeight", birthLengthCm: "birthLength" },
    });
    expect(errors).toEqual({
      name: { key: "v.required" },
      sex: { key: "v.choose" },
      birthDate: { key: "v.date" },
      birthWeight: { key: "v.positive" },
      birthLength: { key: "v.max", vars: { max: 70 } },
    });
  });

  it("says 'required' for an empty date and uses overrides for formats", () => {
    const payload = {
      regionCode: "64.01.05.2003",
      kkNumber: "123",
      address: "",
      waterSource: "",
      latrineType: "cemplung",
    };
    const r = HouseholdInput.safeParse(payload);
    const errors = issuesToFieldErrors(r.error?.issues ?? [], payload, { overrides: { kkNumber: "v.kk" } });
    expect(errors).toEqual({
      kkNumber: { key: "v.kk" },
      address: { key: "v.required" },
      waterSource: { key: "v.choose" },
    });
    expect(messageForIssue({ code: "custom", path: ["d"] }, "")).toEqual({ key: "v.required" });
    expect(messageForIssue({ code: "too_big", origin: "string", maximum: 120, path: ["n"] }, "x")).toEqual({
      key: "v.tooLong",
      vars: { max: 120 },
    });
  });

  it("ignores issues without a field", () => {
    expect(issuesToFieldErrors([{ code: "unrecognized_keys", path: [] }], {})).toEqual({});
  });
});
