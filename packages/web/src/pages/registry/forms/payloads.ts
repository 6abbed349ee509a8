// Form state (strings, as typed) → request payloads of the shared zod schemas, with one message per
// field. Pure: the forms call these on submit, and the tests call them directly.
import {
  addDays,
  completedMonths,
  daysBetween,
  HouseholdInput,
  isIsoDate,
  MeasurementInput,
  PersonInput,
  PregnancyEnd,
  PregnancyInput,
} from "@tumbuh/core";
import type { PersonPatch, PersonRecord, PregnancyEndInput } from "../../../api";
import type { MessageKey } from "../../../i18n/messages";
import { type FieldErrors, issuesToFieldErrors } from "../../../kit/forms/fieldErrors";
import { digitsOnly, type Parsed, parseDecimal, parseInteger } from "./decimal";

export type Built<T> = { ok: true; payload: T } | { ok: false; errors: FieldErrors };

type ZodLike = {
  safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: unknown[] } };
};

/** Runs the schema and merges its messages under the ones the form found itself (those win). */
function finish<T>(
  schema: ZodLike,
  payload: Record<string, unknown>,
  own: FieldErrors,
  options: Parameters<typeof issuesToFieldErrors>[2] = {},
): Built<T> {
  const result = schema.safeParse(payload);
  const fromSchema = result.success
    ? {}
    : issuesToFieldErrors(result.error.issues as Parameters<typeof issuesToFieldErrors>[0], payload, options);
  const errors = { ...fromSchema, ...own };
  return Object.keys(errors).length === 0 ? { ok: true, payload: payload as T } : { ok: false, errors };
}

/** A decimal field: the number, null when empty; records "Isi angka" for anything else. */
function decimal(text: string, field: string, errors: FieldErrors): number | null {
  const parsed: Parsed<number> = parseDecimal(text);
  if (parsed.kind === "invalid") errors[field] = { key: "v.number" };
  return parsed.kind === "ok" ? parsed.value : null;
}

const textOrNull = (s: string): string | null => (s.trim() === "" ? null : s.trim());

function checkDate(
  date: string,
  field: string,
  errors: FieldErrors,
  bounds: { notAfter?: string; notBefore?: string; beforeKey?: MessageKey },
) {
  if (!isIsoDate(date) || errors[field]) return;
  if (bounds.notAfter && daysBetween(bounds.notAfter, date) > 0) errors[field] = { key: "measure.future" };
  else if (bounds.notBefore && daysBetween(bounds.notBefore, date) < 0) {
    errors[field] = { key: bounds.beforeKey ?? "v.date" };
  }
}

// ---- measurement --------------------------------------------------------------------------------

export interface MeasurementForm {
  measuredOn: string;
  weight: string;
  lenhei: string;
  measure: "l" | "h";
  muac: string;
  headc: string;
  oedema: boolean;
}

/** Lying (length) under 24 completed months, standing (height) from 24 months (Permenkes 2/2020). */
export function defaultMeasure(birthDate: string, measuredOn: string): "l" | "h" {
  if (!isIsoDate(birthDate) || !isIsoDate(measuredOn)) return "l";
  return completedMonths(birthDate, measuredOn) < 24 ? "l" : "h";
}

export function emptyMeasurementForm(birthDate: string, today: string): MeasurementForm {
  return {
    measuredOn: today,
    weight: "",
    lenhei: "",
    measure: defaultMeasure(birthDate, today),
    muac: "",
    headc: "",
    oedema: false,
  };
}

export function toMeasurementPayload(
  form: MeasurementForm,
  ctx: {
    personId: string;
    birthDate: string;
    today: string;
    sessionId?: string | null;
    measuredBy?: string | null;
  },
): Built<MeasurementInput> {
  const errors: FieldErrors = {};
  const weightKg = decimal(form.weight, "weight", errors);
  const lenheiCm = decimal(form.lenhei, "lenhei", errors);
  const muacCm = decimal(form.muac, "muac", errors);
  const headcCm = decimal(form.headc, "headc", errors);
  // the server takes a visit with any one measurement (e.g. only LiLA)
  const none = [weightKg, lenheiCm, muacCm, headcCm].every((v) => v === null);
  if (none && !errors.weight && !errors.lenhei && !errors.muac && !errors.headc) {
    errors.weight = { key: "measure.needOne" };
  }
  checkDate(form.measuredOn, "measuredOn", errors, {
    notAfter: ctx.today,
    notBefore: ctx.birthDate,
    beforeKey: "measure.beforeBirth",
  });
  const payload = {
    personId: ctx.personId,
    measuredOn: form.measuredOn,
    weightKg,
    lenheiCm,
    measure: lenheiCm === null ? null : form.measure,
    muacCm,
    headcCm,
    oedema: form.oedema,
    sessionId: ctx.sessionId ?? null,
    measuredBy: ctx.measuredBy ?? null,
  };
  return finish(MeasurementInput, payload, errors, {
    rename: { weightKg: "weight", lenheiCm: "lenhei", muacCm: "muac", headcCm: "headc" },
  });
}

// ---- person -------------------------------------------------------------------------------------

export interface PersonForm {
  regionCode: string;
  name: string;
  sex: "" | "1" | "2";
  birthDate: string;
  nik: string;
  motherId: string | null;
  parentName: string;
  birthWeight: string;
  birthLength: string;
  householdId: string;
}

export function emptyPersonForm(regionCode: string): PersonForm {
  return {
    regionCode,
    name: "",
    sex: "",
    birthDate: "",
    nik: "",
    motherId: null,
    parentName: "",
    birthWeight: "",
    birthLength: "",
    householdId: "",
  };
}

function nikOrNull(text: string, errors: FieldErrors): string | null {
  const nik = digitsOnly(text);
  if (nik === "") return null;
  if (!/^\d{16}$/.test(nik)) errors.nik = { key: "v.nik" };
  return nik;
}

const PERSON_RENAME = { birthWeightKg: "birthWeight", birthLengthCm: "birthLength" };

export function toPersonPayload(form: PersonForm, ctx: { today: string }): Built<PersonInput> {
  const errors: FieldErrors = {};
  const payload = {
    regionCode: form.regionCode,
    householdId: form.householdId === "" ? null : form.householdId,
    name: form.name.trim(),
    sex: form.sex === "" ? undefined : (Number(form.sex) as 1 | 2),
    birthDate: form.birthDate,
    nik: nikOrNull(form.nik, errors),
    motherId: form.motherId,
    parentName: textOrNull(form.parentName),
    birthWeightKg: decimal(form.birthWeight, "birthWeight", errors),
    birthLengthCm: decimal(form.birthLength, "birthLength", errors),
  };
  checkDate(form.birthDate, "birthDate", errors, { notAfter: ctx.today });
  if (errors.birthDate?.key === "measure.future") errors.birthDate = { key: "pf.birthFuture" };
  return finish(PersonInput, payload, errors, { rename: PERSON_RENAME });
}

/** The edit form starts from the stored record. */
export function personFormFrom(p: PersonRecord): PersonForm {
  const num = (n: number | null) => (n === null ? "" : String(n));
  return {
    regionCode: p.regionCode,
    name: p.name,
    sex: String(p.sex) as "1" | "2",
    birthDate: p.birthDate,
    nik: p.nik ?? "",
    motherId: p.motherId,
    parentName: p.parentName ?? "",
    birthWeight: num(p.birthWeightKg),
    birthLength: num(p.birthLengthCm),
    householdId: p.householdId ?? "",
  };
}

const PATCHABLE = [
  "name",
  "sex",
  "birthDate",
  "nik",
  "parentName",
  "birthWeightKg",
  "birthLengthCm",
] as const satisfies readonly (keyof PersonInput & keyof PersonRecord)[];

/**
 * PATCH body: the revision the user started from plus only the fields they changed (the audit log then
 * shows what really changed). `payload` null when nothing changed.
 */
export function toPersonPatch(
  form: PersonForm,
  original: PersonRecord,
  ctx: { today: string },
): Built<PersonPatch | null> {
  const built = toPersonPayload(form, ctx);
  if (!built.ok) return built;
  const patch: PersonPatch = { revision: original.revision };
  let changed = false;
  for (const key of PATCHABLE) {
    const next = built.payload[key] ?? null;
    if (next !== (original[key] ?? null)) {
      (patch as Record<string, unknown>)[key] = next;
      changed = true;
    }
  }
  return { ok: true, payload: changed ? patch : null };
}

// ---- household ----------------------------------------------------------------------------------

export interface HouseholdForm {
  regionCode: string;
  kkNumber: string;
  headName: string;
  address: string;
  rt: string;
  rw: string;
  waterSource: string;
  latrineType: string;
}

export function emptyHouseholdForm(regionCode: string): HouseholdForm {
  return {
    regionCode,
    kkNumber: "",
    headName: "",
    address: "",
    rt: "",
    rw: "",
    waterSource: "",
    latrineType: "",
  };
}

export function toHouseholdPayload(form: HouseholdForm): Built<HouseholdInput> {
  const kk = digitsOnly(form.kkNumber);
  const payload = {
    regionCode: form.regionCode,
    kkNumber: kk === "" ? null : kk,
    headName: textOrNull(form.headName),
    address: form.address.trim(),
    rt: textOrNull(form.rt),
    rw: textOrNull(form.rw),
    waterSource: form.waterSource,
    latrineType: form.latrineType,
  };
  return finish(HouseholdInput, payload, {}, { overrides: { kkNumber: "v.kk" } });
}

// ---- pregnancy ----------------------------------------------------------------------------------

/** A pregnancy is recorded while ongoing: the server refuses an LMP more than 44 weeks back (310 days). */
export const LMP_MAX_AGE_DAYS = 310;

export interface PregnancyForm {
  lmpDate: string;
  eddDate: string;
  gravida: string;
  muac: string;
  hb: string;
  highRisk: boolean;
  highRiskNote: string;
}

export const EMPTY_PREGNANCY_FORM: PregnancyForm = {
  lmpDate: "",
  eddDate: "",
  gravida: "",
  muac: "",
  hb: "",
  highRisk: false,
  highRiskNote: "",
};

export function toPregnancyPayload(
  form: PregnancyForm,
  ctx: { personId: string; today: string },
): Built<PregnancyInput> {
  const errors: FieldErrors = {};
  const gravida = parseInteger(form.gravida);
  if (gravida.kind === "invalid") errors.gravida = { key: "v.integer" };
  const payload = {
    personId: ctx.personId,
    lmpDate: form.lmpDate,
    eddDate: form.eddDate === "" ? null : form.eddDate,
    gravida: gravida.kind === "ok" ? gravida.value : undefined,
    muacCm: decimal(form.muac, "muac", errors),
    hbGdl: decimal(form.hb, "hb", errors),
    highRisk: form.highRisk,
    highRiskNote: form.highRisk ? textOrNull(form.highRiskNote) : null,
  };
  checkDate(form.lmpDate, "lmpDate", errors, {
    notAfter: ctx.today,
    notBefore: addDays(ctx.today, -LMP_MAX_AGE_DAYS),
    beforeKey: "preg.lmpTooOld",
  });
  if (isIsoDate(form.lmpDate) && isIsoDate(form.eddDate) && daysBetween(form.lmpDate, form.eddDate) <= 0) {
    errors.eddDate = { key: "preg.eddAfterLmp" };
  }
  return finish(PregnancyInput, payload, errors, {
    rename: { muacCm: "muac", hbGdl: "hb" },
  });
}

export interface PregnancyEndForm {
  endedOn: string;
  outcome: "" | PregnancyEndInput["outcome"];
}

export function toPregnancyEndPayload(
  form: PregnancyEndForm,
  ctx: { lmpDate: string; today: string },
): Built<PregnancyEndInput> {
  const errors: FieldErrors = {};
  checkDate(form.endedOn, "endedOn", errors, {
    notAfter: ctx.today,
    notBefore: ctx.lmpDate,
    beforeKey: "preg.endBeforeLmp",
  });
  return finish(PregnancyEnd, { endedOn: form.endedOn, outcome: form.outcome }, errors);
}
