import { addDays, completedMonths, daysBetween } from "../dates";
import {
  ANTIGEN_CODES,
  ANTIGENS,
  type RecordedService,
  RULES,
  type ScoreGroup,
  type ServiceIndicator,
  STATE_SERVICES,
} from "./catalog";
import { monthEnd, monthStart, shiftMonth } from "./period";

/** One scorecard cell: received (Y, "ya"), not received (T, "tidak"), not applicable (TS, "tidak sasaran"). */
export const SCORE_CELLS = ["Y", "T", "TS"] as const;
export type ScoreCell = (typeof SCORE_CELLS)[number];

/** A live service record (superseded records are already left out). */
export interface ServiceFact {
  service: RecordedService;
  givenOn: string;
  /** The antigen for "imunisasi". */
  detail: string | null;
  received: boolean;
}

export interface PregnancyScoreFacts {
  lmpDate: string;
  eddDate: string;
  endedOn: string | null;
  outcome: string | null;
  kek: boolean;
  highRisk: boolean;
}

/** What the rules need to know about one person; gathered by the server in one pass per table. */
export interface TargetFacts {
  birthDate: string;
  birthLengthKnown: boolean;
  /** The pregnancy the woman is a target for (ibu_hamil only). */
  pregnancy: PregnancyScoreFacts | null;
  /** Household water/latrine "layak"; null when no household is recorded (counted as not received). */
  household: { waterLayak: boolean; latrineLayak: boolean } | null;
  /** Days weighed and days length/height measured (posyandu measurements), sorted. */
  weighedOn: readonly string[];
  lengthOn: readonly string[];
  records: readonly ServiceFact[];
}

const DELIVERED = new Set(["lahir_hidup", "lahir_mati"]);

function delivered(p: PregnancyScoreFacts, onOrBefore: string): boolean {
  return p.endedOn !== null && p.endedOn <= onOrBefore && DELIVERED.has(p.outcome ?? "");
}

/** The last day a pregnancy keeps its woman on the scorecard: the end of nifas after a birth; the end of
 *  the pregnancy otherwise; 4 weeks after the expected date when no outcome was recorded (core/targets). */
export function pregnancyScoreEnd(p: PregnancyScoreFacts): string {
  if (p.endedOn !== null)
    return DELIVERED.has(p.outcome ?? "") ? addDays(p.endedOn, RULES.nifasDays) : p.endedOn;
  return addDays(p.eddDate, 28);
}

/** Is the person in this scorecard group in this month? */
export function inGroup(group: ScoreGroup, facts: TargetFacts, month: string): boolean {
  const start = monthStart(month);
  const end = monthEnd(month);
  if (group === "ibu_hamil") {
    const p = facts.pregnancy;
    return p !== null && p.lmpDate <= end && pregnancyScoreEnd(p) >= start;
  }
  if (facts.birthDate > end) return false;
  const m = completedMonths(facts.birthDate, end);
  if (group === "anak_0_23") return m <= RULES.child0to23ToMonths;
  return m >= RULES.paudFromMonths && m <= RULES.paudToMonths;
}

function inMonth(date: string, month: string): boolean {
  return date.slice(0, 7) === month;
}

function received(facts: TargetFacts, service: RecordedService, from: string, to: string): ServiceFact[] {
  return facts.records.filter(
    (r) => r.service === service && r.received && r.givenOn >= from && r.givenOn <= to,
  );
}

function eventInMonth(facts: TargetFacts, service: RecordedService, month: string): ScoreCell {
  return facts.records.some((r) => r.service === service && r.received && inMonth(r.givenOn, month))
    ? "Y"
    : "T";
}

/** A state (JKN, birth certificate): the latest record on or before the day decides. */
function stateAt(facts: TargetFacts, service: RecordedService, day: string): ScoreCell {
  let latest: ServiceFact | null = null;
  for (const r of facts.records) {
    if (r.service !== service || r.givenOn > day) continue;
    if (latest === null || r.givenOn >= latest.givenOn) latest = r;
  }
  return latest?.received ? "Y" : "T";
}

/** Pregnant (not yet delivered/ended) on some day of the month. */
function pregnantInMonth(p: PregnancyScoreFacts, month: string): boolean {
  return p.lmpDate <= monthEnd(month) && (p.endedOn === null || p.endedOn >= monthStart(month));
}

/**
 * ANC: once in T1, once in T2, twice in T3. A trimester's visit is due once the trimester is over, T3's
 * first by 36 weeks and its second by delivery; before anything is due and with no visit yet the
 * indicator does not apply (TS), so an early pregnancy is not marked as missing a visit it cannot have had.
 */
export function ancCell(p: PregnancyScoreFacts, facts: TargetFacts, month: string): ScoreCell {
  if (!pregnantInMonth(p, month)) return "TS";
  const end = monthEnd(month);
  const isDelivered = delivered(p, end);
  const asOf = p.endedOn !== null && p.endedOn <= end ? p.endedOn : end;
  const g = daysBetween(p.lmpDate, asOf);
  const t2 = addDays(p.lmpDate, RULES.trimester2FromDay);
  const t3 = addDays(p.lmpDate, RULES.trimester3FromDay);
  const visits = received(facts, "anc", p.lmpDate, asOf).map((r) => r.givenOn);
  const inT1 = visits.filter((d) => d < t2).length;
  const inT2 = visits.filter((d) => d >= t2 && d < t3).length;
  const inT3 = visits.filter((d) => d >= t3).length;
  const due: boolean[] = [];
  if (g >= RULES.trimester2FromDay) due.push(inT1 >= 1);
  if (g >= RULES.trimester3FromDay) due.push(inT2 >= 1);
  if (g >= RULES.ancT3FirstDueDay) due.push(inT3 >= 1);
  if (isDelivered) due.push(inT3 >= 2);
  if (due.some((ok) => !ok)) return "T";
  return due.length > 0 || visits.length > 0 ? "Y" : "TS";
}

/** Post-partum checks, only once delivered: the checks due by the days since delivery (≥ 3 in all). */
export function nifasCell(p: PregnancyScoreFacts, facts: TargetFacts, month: string): ScoreCell {
  const end = monthEnd(month);
  if (!delivered(p, end) || p.endedOn === null) return "TS";
  const nifasEnd = addDays(p.endedOn, RULES.nifasDays);
  if (nifasEnd < monthStart(month)) return "TS";
  const asOf = nifasEnd < end ? nifasEnd : end;
  const k = daysBetween(p.endedOn, asOf);
  const dueCount = RULES.nifasDueByDay.filter((d) => k >= d).length;
  const checks = received(facts, "nifas", p.endedOn, asOf).length;
  if (dueCount === 0) return checks > 0 ? "Y" : "TS";
  return checks >= dueCount ? "Y" : "T";
}

/** Basic immunisation complete for age: every antigen whose schedule month + grace has passed was given. */
export function immunisationCell(facts: TargetFacts, month: string): ScoreCell {
  const end = monthEnd(month);
  const age = completedMonths(facts.birthDate, end);
  const given = new Set(received(facts, "imunisasi", facts.birthDate, end).map((r) => r.detail));
  const due = ANTIGEN_CODES.filter((a) => age >= ANTIGENS[a].scheduleMonths + RULES.antigenGraceMonths);
  if (due.length === 0) return given.size > 0 ? "Y" : "TS";
  return due.every((a) => given.has(a)) ? "Y" : "T";
}

/**
 * Weighing over the last 3 months (only months the child was alive on the 1st): 0–11 months every such
 * month; 12–23 months at least 2 of them. No such month yet (born this month) → TS.
 */
export function weighingCell(facts: TargetFacts, month: string): ScoreCell {
  const age = completedMonths(facts.birthDate, monthEnd(month));
  const months: string[] = [];
  for (let i = RULES.weighingWindowMonths - 1; i >= 0; i--) {
    const m = shiftMonth(month, -i);
    if (monthStart(m) >= facts.birthDate) months.push(m);
  }
  if (months.length === 0) return "TS";
  const weighed = months.filter((m) => facts.weighedOn.some((d) => inMonth(d, m))).length;
  const needed =
    age <= RULES.weighingEveryMonthUntilMonths
      ? months.length
      : Math.min(RULES.weighingMinOfWindowOlder, months.length);
  return weighed >= needed ? "Y" : "T";
}

/** Length measured in the last 3 months (a recorded birth length counts when born inside them). */
export function lengthCell(facts: TargetFacts, month: string): ScoreCell {
  const from = monthStart(shiftMonth(month, -(RULES.lengthWindowMonths - 1)));
  const end = monthEnd(month);
  if (facts.lengthOn.some((d) => d >= from && d <= end)) return "Y";
  if (facts.birthLengthKnown && facts.birthDate >= from) return "Y";
  return "T";
}

export function birthCertificateCell(facts: TargetFacts, month: string): ScoreCell {
  const end = monthEnd(month);
  const cell = stateAt(facts, "akta_lahir", end);
  if (cell === "Y") return "Y";
  return daysBetween(facts.birthDate, end) > RULES.birthCertificateDueDays ? "T" : "TS";
}

function householdCell(facts: TargetFacts, what: "waterLayak" | "latrineLayak"): ScoreCell {
  return facts.household?.[what] ? "Y" : "T";
}

/** The cell of one indicator for a target in a month (the target is in the indicator's group that month). */
export function evaluateIndicator(ind: ServiceIndicator, facts: TargetFacts, month: string): ScoreCell {
  const p = facts.pregnancy;
  switch (ind.code) {
    case "bumil_anc":
      return p ? ancCell(p, facts, month) : "TS";
    case "bumil_ttd":
    case "bumil_konseling":
      if (!p || !pregnantInMonth(p, month)) return "TS";
      return eventInMonth(facts, ind.basis as RecordedService, month);
    case "bumil_nifas":
      return p ? nifasCell(p, facts, month) : "TS";
    case "bumil_kunjungan":
      // Home visits are for KEK or high-risk pregnancies only (BUKU; PALI Pasal 4(3)k "keluarga rentan").
      if (!p || !pregnantInMonth(p, month) || !(p.kek || p.highRisk)) return "TS";
      return eventInMonth(facts, "kunjungan_rumah", month);
    case "anak_imunisasi":
      return immunisationCell(facts, month);
    case "anak_timbang":
      return weighingCell(facts, month);
    case "anak_ukur":
      return lengthCell(facts, month);
    case "anak_akta":
      return birthCertificateCell(facts, month);
  }
  switch (ind.basis) {
    case "air_minum":
      return householdCell(facts, "waterLayak");
    case "jamban":
      return householdCell(facts, "latrineLayak");
    case "penimbangan":
      return weighingCell(facts, month);
    case "pengukuran":
      return lengthCell(facts, month);
    default:
      return STATE_SERVICES.includes(ind.basis)
        ? stateAt(facts, ind.basis, monthEnd(month))
        : eventInMonth(facts, ind.basis, month);
  }
}
