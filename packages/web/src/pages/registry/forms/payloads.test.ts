import { describe, expect, it } from "vitest";
import type { PersonRecord } from "../../../api";
import {
  defaultMeasure,
  EMPTY_PREGNANCY_FORM,
  emptyHouseholdForm,
  emptyMeasurementForm,
  emptyPersonForm,
  personFormFrom,
  toHouseholdPayload,
  toMeasurementPayload,
  toPersonPatch,
  toPersonPayload,
  toPregnancyEndPayload,
  toPregnancyPayload,
} from "./payloads";

const PERSON_ID = "01973a4e-8b1c-7d2e-9f3a-4b5c6d7e8f90";
const MOTHER_ID = "01973a4e-8b1c-7d2e-9f3a-4b5c6d7e8f91";
const today = "2025-06-13";

describe("measurement payload", () => {
  const ctx = { personId: PERSON_ID, birthDate: "2023-03-07", today };

  it("defaults to lying under 24 months and standing from 24 months", () => {
    expect(defaultMeasure("2023-03-07", "2025-03-06")).toBe("l");
    expect(defaultMeasure("2023-03-07", "2025-03-07")).toBe("h");
    expect(emptyMeasurementForm("2025-01-01", today)).toMatchObject({ measuredOn: today, measure: "l" });
  });

  it("converts decimal commas and leaves empty values null", () => {
    const form = { ...emptyMeasurementForm("2023-03-07", today), weight: "10,25", lenhei: "82,1" };
    const built = toMeasurementPayload(form, { ...ctx, measuredBy: "Siti" });
    expect(built).toEqual({
      ok: true,
      payload: {
        personId: PERSON_ID,
        measuredOn: today,
        weightKg: 10.25,
        lenheiCm: 82.1,
        measure: "h",
        muacCm: null,
        headcCm: null,
        oedema: false,
        sessionId: null,
        measuredBy: "Siti",
      },
    });
  });

  it("sends no measuring position without a length", () => {
    const form = { ...emptyMeasurementForm("2023-03-07", today), weight: "9" };
    const built = toMeasurementPayload(form, ctx);
    expect(built.ok && built.payload.measure).toBeNull();
  });

  it("reports typing mistakes, impossible values and dates next to the fields", () => {
    const form = {
      ...emptyMeasurementForm("2023-03-07", today),
      measuredOn: "2025-06-14",
      weight: "10,2,5",
      lenhei: "0",
      muac: "70",
    };
    const built = toMeasurementPayload(form, ctx);
    expect(built).toEqual({
      ok: false,
      errors: {
        weight: { key: "v.number" },
        lenhei: { key: "v.positive" },
        muac: { key: "v.max", vars: { max: 60 } },
        measuredOn: { key: "measure.future" },
      },
    });
    const before = toMeasurementPayload(
      { ...form, measuredOn: "2023-03-06", weight: "3", lenhei: "", muac: "" },
      ctx,
    );
    expect(before).toEqual({ ok: false, errors: { measuredOn: { key: "measure.beforeBirth" } } });
  });

  it("needs at least one measurement, as the server does", () => {
    const built = toMeasurementPayload(emptyMeasurementForm("2023-03-07", today), ctx);
    expect(built).toEqual({ ok: false, errors: { weight: { key: "measure.needOne" } } });
    const muacOnly = toMeasurementPayload({ ...emptyMeasurementForm("2023-03-07", today), muac: "13" }, ctx);
    expect(muacOnly.ok && muacOnly.payload.muacCm).toBe(13);
  });
});

describe("person payload", () => {
  const base = {
    ...emptyPersonForm("64.01.05.2003.P01"),
    name: "  Aisyah Putri ",
    sex: "2" as const,
    birthDate: "2023-03-07",
    nik: "6401 0547 0323 0001",
    motherId: MOTHER_ID,
    birthWeight: "2,9",
    birthLength: "48",
  };

  it("builds PersonInput", () => {
    expect(toPersonPayload(base, { today })).toEqual({
      ok: true,
      payload: {
        regionCode: "64.01.05.2003.P01",
        householdId: null,
        name: "Aisyah Putri",
        sex: 2,
        birthDate: "2023-03-07",
        nik: "6401054703230001",
        motherId: MOTHER_ID,
        parentName: null,
        birthWeightKg: 2.9,
        birthLengthCm: 48,
      },
    });
  });

  it("checks the NIK length, the sex and the birth date", () => {
    const built = toPersonPayload({ ...base, nik: "640105", sex: "", birthDate: "2025-07-01" }, { today });
    expect(built).toEqual({
      ok: false,
      errors: { nik: { key: "v.nik" }, sex: { key: "v.choose" }, birthDate: { key: "pf.birthFuture" } },
    });
  });

  it("patches only what changed, with the revision", () => {
    const original: PersonRecord = {
      id: PERSON_ID,
      regionCode: "64.01.05.2003.P01",
      name: "Aisyah Putri",
      sex: 2,
      birthDate: "2023-03-07",
      nikMasked: null,
      ageMonths: 27,
      targetRoles: ["anak_24_59"],
      nik: null,
      householdId: null,
      motherId: MOTHER_ID,
      parentName: null,
      birthWeightKg: 2.9,
      birthLengthCm: null,
      revision: 4,
      leftOn: null,
      leftReason: null,
    };
    const form = personFormFrom(original);
    expect(toPersonPatch(form, original, { today })).toEqual({ ok: true, payload: null });
    expect(toPersonPatch({ ...form, birthWeight: "3,1", birthLength: "49" }, original, { today })).toEqual({
      ok: true,
      payload: { revision: 4, birthWeightKg: 3.1, birthLengthCm: 49 },
    });
  });
});

describe("household payload", () => {
  it("uses the coded lists and checks the KK number", () => {
    const form = {
      ...emptyHouseholdForm("64.01.05.2003.D01"),
      kkNumber: "6401-0512-0300-0007",
      address: "Jl. Poros RT 3",
      rt: "003",
      waterSource: "sumur_bor",
      latrineType: "cemplung",
    };
    expect(toHouseholdPayload(form)).toEqual({
      ok: true,
      payload: {
        regionCode: "64.01.05.2003.D01",
        kkNumber: "6401051203000007",
        headName: null,
        address: "Jl. Poros RT 3",
        rt: "003",
        rw: null,
        waterSource: "sumur_bor",
        latrineType: "cemplung",
      },
    });
    expect(toHouseholdPayload({ ...form, kkNumber: "12345", waterSource: "" })).toEqual({
      ok: false,
      errors: { kkNumber: { key: "v.kk" }, waterSource: { key: "v.choose" } },
    });
  });
});

describe("pregnancy payloads", () => {
  it("builds PregnancyInput and leaves the EDD to the server when empty", () => {
    const form = { ...EMPTY_PREGNANCY_FORM, lmpDate: "2025-03-01", gravida: "2", muac: "22,5", hb: "10,4" };
    expect(toPregnancyPayload(form, { personId: MOTHER_ID, today })).toEqual({
      ok: true,
      payload: {
        personId: MOTHER_ID,
        lmpDate: "2025-03-01",
        eddDate: null,
        gravida: 2,
        muacCm: 22.5,
        hbGdl: 10.4,
        highRisk: false,
        highRiskNote: null,
      },
    });
    expect(toPregnancyPayload({ ...form, gravida: "", lmpDate: "" }, { personId: MOTHER_ID, today })).toEqual(
      {
        ok: false,
        errors: { gravida: { key: "v.required" }, lmpDate: { key: "v.required" } },
      },
    );
    const old = { ...form, lmpDate: "2024-08-01", eddDate: "2024-07-01" };
    expect(toPregnancyPayload(old, { personId: MOTHER_ID, today })).toEqual({
      ok: false,
      errors: { lmpDate: { key: "preg.lmpTooOld" }, eddDate: { key: "preg.eddAfterLmp" } },
    });
  });

  it("checks the end date against the LMP and today", () => {
    const ctx = { lmpDate: "2024-09-01", today };
    expect(toPregnancyEndPayload({ endedOn: "2025-06-01", outcome: "lahir_hidup" }, ctx)).toEqual({
      ok: true,
      payload: { endedOn: "2025-06-01", outcome: "lahir_hidup" },
    });
    expect(toPregnancyEndPayload({ endedOn: "2024-08-01", outcome: "" }, ctx)).toEqual({
      ok: false,
      errors: { endedOn: { key: "preg.endBeforeLmp" }, outcome: { key: "v.choose" } },
    });
  });
});
