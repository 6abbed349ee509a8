import { addDays, completedMonths, daysBetween } from "../dates";
import { presentOn } from "../presence";
import {
  ANC_SCHEDULES,
  ANTIGEN_CODES,
  ANTIGENS,
  type AncSchedule,
  NIFAS_SCHEDULES,
  type NifasSchedule,
  type RecordedService,
  RULES,
  type ScoreGroup,
  type ServiceIndicator,
  STATE_SERVICES,
} from "./catalog";
import { t, type Why } from "./explain";
import { ageAtMonthEnd, monthEnd, monthStart, shiftMonth } from "./period";

/**
 * The KPM scorecard rules (Buku Pendataan dan Pemantauan Layanan bagi Sasaran Rumah Tangga 1000 HPK, Kemendesa
 * PDTT — "BUKU" in the sources; its wording as OpenSID's scorecard prints it, see docs/SCORECARD-RULES.md).
 * Each function decides one cell and, given a `Why`, writes what was due, by when and what was recorded.
 */

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
  /** Tablets given/taken (TTD); null when not recorded. */
  quantity?: number | null;
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
  /** Moved away or died on this day (persons.left_on): no longer a target from the next month on. */
  leftOn?: string | null;
  birthLengthKnown: boolean;
  /** The pregnancy the woman is a target for (ibu_hamil only). */
  pregnancy: PregnancyScoreFacts | null;
  /** Household water/latrine "layak"; null when no household is recorded (counted as not received). */
  household: { waterLayak: boolean; latrineLayak: boolean } | null;
  /** Days weighed and days length/height measured (posyandu measurements), sorted. */
  weighedOn: readonly string[];
  lengthOn: readonly string[];
  /** Nutrition status of each measurement that has one, sorted: gizi buruk/kurang (BB/PB) or stunted (PB/U). */
  nutrition?: readonly { on: string; undernourished: boolean }[];
  records: readonly ServiceFact[];
}

/** Which schedules a regency follows (its catalog's `ancSchedule`, `nifasSchedule`). */
export interface Schedules {
  ancSchedule: AncSchedule;
  nifasSchedule: NifasSchedule;
}
const DEFAULT_SCHEDULES: Schedules = { ancSchedule: "k4", nifasSchedule: "kf4" };

const DELIVERED = new Set(["lahir_hidup", "lahir_mati"]);

function delivered(p: PregnancyScoreFacts, onOrBefore: string): boolean {
  return p.endedOn !== null && p.endedOn <= onOrBefore && DELIVERED.has(p.outcome ?? "");
}

// The rules shift the same few dates by the same few days month after month (a pregnancy's trimesters, its
// nifas end): each kept once made (issue 18: ~100k date conversions in a regency's rebuild). addDays is pure.
const shifted = new Map<number, Map<string, string>>();

function shiftDays(date: string, days: number): string {
  let byDate = shifted.get(days);
  if (!byDate) {
    byDate = new Map();
    shifted.set(days, byDate);
  }
  let out = byDate.get(date);
  if (out === undefined) {
    out = addDays(date, days);
    if (byDate.size >= 10_000) byDate.clear();
    byDate.set(date, out);
  }
  return out;
}

/** The last day a pregnancy keeps its woman on the scorecard: the end of nifas after a birth; the end of
 *  the pregnancy otherwise; 4 weeks after the expected date when no outcome was recorded (core/targets). */
export function pregnancyScoreEnd(p: PregnancyScoreFacts): string {
  if (p.endedOn !== null)
    return DELIVERED.has(p.outcome ?? "") ? shiftDays(p.endedOn, RULES.nifasDays) : p.endedOn;
  return shiftDays(p.eddDate, 28);
}

/** Is the person in this scorecard group in this month? */
export function inGroup(group: ScoreGroup, facts: TargetFacts, month: string): boolean {
  // Issue 17: a person who moved away or died is a target of no month that begins after (core presence.ts).
  // (Asked only of someone who left: a scorecard asks this ~2M times a rebuild, issue 18.)
  if (facts.leftOn && !presentOn(facts, monthStart(month))) return false;
  if (group === "ibu_hamil") {
    const p = facts.pregnancy;
    return p !== null && p.lmpDate <= monthEnd(month) && pregnancyScoreEnd(p) >= monthStart(month);
  }
  // Completed months at the month's end; negative: born after it.
  const m = ageAtMonthEnd(facts.birthDate, month);
  if (m < 0) return false;
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

const SERVICE_WORDS: Record<RecordedService, { id: string; en: string }> = {
  anc: t("Pemeriksaan kehamilan", "Antenatal check"),
  ttd: t("Tablet tambah darah", "Iron tablets"),
  nifas: t("Pemeriksaan nifas", "Post-partum check"),
  konseling_gizi: t("Konseling gizi", "Nutrition counselling"),
  kunjungan_rumah: t("Kunjungan rumah", "Home visit"),
  jkn: t("Jaminan kesehatan (JKN)", "Health insurance (JKN)"),
  imunisasi: t("Imunisasi", "Immunisation"),
  akta_lahir: t("Akta kelahiran", "Birth certificate"),
  kelas_pengasuhan: t("Kelas pengasuhan", "Parenting class"),
  paud: t("PAUD", "PAUD"),
  rujukan: t("Rujukan ke puskesmas", "Referral to the health centre"),
};

function sawAll(why: Why | undefined, records: readonly ServiceFact[]): void {
  if (!why) return;
  for (const r of records) {
    const w = SERVICE_WORDS[r.service];
    const extra = r.detail ? ` (${r.detail})` : r.quantity ? ` (${r.quantity} tablet)` : "";
    why.saw({ id: `${w.id}${extra}`, en: `${w.en}${extra}` }, r.givenOn);
  }
}

function eventInMonth(facts: TargetFacts, service: RecordedService, month: string, why?: Why): ScoreCell {
  const inIt = facts.records.filter((r) => r.service === service && r.received && inMonth(r.givenOn, month));
  if (why) {
    why.needs(
      t(`${SERVICE_WORDS[service].id} bulan ini`, `${SERVICE_WORDS[service].en} this month`),
      monthEnd(month),
      inIt.length > 0,
    );
    sawAll(why, inIt);
  }
  return inIt.length > 0 ? "Y" : "T";
}

/** A state (JKN, birth certificate): the latest record on or before the day decides. */
function stateAt(facts: TargetFacts, service: RecordedService, day: string, why?: Why): ScoreCell {
  let latest: ServiceFact | null = null;
  for (const r of facts.records) {
    if (r.service !== service || r.givenOn > day) continue;
    if (latest === null || r.givenOn >= latest.givenOn) latest = r;
  }
  if (why) {
    why.needs(
      t(`Memiliki ${SERVICE_WORDS[service].id}`, `Holds ${SERVICE_WORDS[service].en}`),
      day,
      !!latest?.received,
    );
    if (latest)
      why.saw(
        latest.received
          ? SERVICE_WORDS[service]
          : t(`${SERVICE_WORDS[service].id}: tidak ada`, `${SERVICE_WORDS[service].en}: none`),
        latest.givenOn,
      );
  }
  return latest?.received ? "Y" : "T";
}

/** Pregnant (not yet delivered/ended) on some day of the month. */
function pregnantInMonth(p: PregnancyScoreFacts, month: string): boolean {
  return p.lmpDate <= monthEnd(month) && (p.endedOn === null || p.endedOn >= monthStart(month));
}

/**
 * Contacts due so far in a pregnancy, cumulative: the schedule's per-trimester minimum, each trimester's due
 * when it is over (T3's first by 36 weeks, the rest by delivery). Returns [label, due-by day, needed total].
 */
function pregnancyMilestones(p: PregnancyScoreFacts, perTrimester: readonly [number, number, number]) {
  const [a, b, c] = perTrimester;
  const endT1 = shiftDays(p.lmpDate, RULES.trimester2FromDay - 1);
  const endT2 = shiftDays(p.lmpDate, RULES.trimester3FromDay - 1);
  const w36 = shiftDays(p.lmpDate, RULES.ancT3FirstDueDay);
  return [
    { label: t("akhir trimester I", "end of T1"), by: endT1, total: a, trimester: 1 },
    { label: t("akhir trimester II", "end of T2"), by: endT2, total: a + b, trimester: 2 },
    { label: t("usia kehamilan 36 minggu", "36 weeks"), by: w36, total: a + b + 1, trimester: 3 },
    { label: t("persalinan", "delivery"), by: null as string | null, total: a + b + c, trimester: 3 },
  ];
}

/**
 * ANC to the regency's schedule (k4: 1–1–2, BUKU / Permenkes 97/2014 Pasal 13; k6: 1–2–3, Permenkes 21/2021):
 * each trimester's minimum is due once the trimester is over, T3's first by 36 weeks and the rest by delivery;
 * a visit counts for the trimester it falls in. Before anything is due and with no visit yet the indicator
 * does not apply (TS), so an early pregnancy is not marked as missing a visit it cannot have had.
 */
export function ancCell(
  p: PregnancyScoreFacts,
  facts: TargetFacts,
  month: string,
  schedule: AncSchedule = "k4",
  why?: Why,
): ScoreCell {
  if (!pregnantInMonth(p, month)) {
    why?.because(t("Kehamilan sudah berakhir bulan ini.", "The pregnancy ended before this month."));
    return "TS";
  }
  const end = monthEnd(month);
  const isDelivered = delivered(p, end);
  const asOf = p.endedOn !== null && p.endedOn <= end ? p.endedOn : end;
  const g = daysBetween(p.lmpDate, asOf);
  const t2 = shiftDays(p.lmpDate, RULES.trimester2FromDay);
  const t3 = shiftDays(p.lmpDate, RULES.trimester3FromDay);
  const records = received(facts, "anc", p.lmpDate, asOf);
  const visits = records.map((r) => r.givenOn);
  const per = [
    visits.filter((d) => d < t2).length,
    visits.filter((d) => d >= t2 && d < t3).length,
    visits.filter((d) => d >= t3).length,
  ];
  const [n1, n2, n3] = ANC_SCHEDULES[schedule].perTrimester;
  const checks: { label: { id: string; en: string }; by: string | null; due: boolean; met: boolean }[] = [
    {
      label: t(`${n1}× di trimester I`, `${n1}× in T1`),
      by: shiftDays(t2, -1),
      due: g >= RULES.trimester2FromDay,
      met: (per[0] ?? 0) >= n1,
    },
    {
      label: t(`${n2}× di trimester II`, `${n2}× in T2`),
      by: shiftDays(t3, -1),
      due: g >= RULES.trimester3FromDay,
      met: (per[1] ?? 0) >= n2,
    },
    {
      label: t("1× di trimester III sebelum 36 minggu", "1× in T3 by 36 weeks"),
      by: shiftDays(p.lmpDate, RULES.ancT3FirstDueDay),
      due: g >= RULES.ancT3FirstDueDay,
      met: (per[2] ?? 0) >= 1,
    },
    {
      label: t(`${n3}× di trimester III sebelum persalinan`, `${n3}× in T3 by delivery`),
      by: isDelivered ? p.endedOn : null,
      due: isDelivered,
      met: (per[2] ?? 0) >= n3,
    },
  ];
  const due = checks.filter((c) => c.due);
  if (why) {
    why.rule = t(
      `Pemeriksaan kehamilan ${ANC_SCHEDULES[schedule].label.id}; kunjungan dihitung pada trimester saat dilakukan.`,
      `Antenatal checks ${ANC_SCHEDULES[schedule].label.en}; a visit counts in the trimester it falls in.`,
    );
    why.source = ANC_SCHEDULES[schedule].source;
    for (const c of checks) why.needs(c.label, c.by, c.met);
    sawAll(why, records);
    if (due.length === 0)
      why.because(
        visits.length > 0
          ? t(
              "Belum ada yang jatuh tempo; kunjungan sudah tercatat.",
              "Nothing due yet; a visit is recorded.",
            )
          : t("Belum ada kunjungan yang jatuh tempo.", "No visit is due yet."),
      );
  }
  if (due.some((c) => !c.met)) return "T";
  return due.length > 0 || visits.length > 0 ? "Y" : "TS";
}

/** Post-partum checks by their windows (`NIFAS_SCHEDULES`): each window's check is due when it closes. */
export function nifasCell(
  p: PregnancyScoreFacts,
  facts: TargetFacts,
  month: string,
  schedule: NifasSchedule = "kf4",
  why?: Why,
): ScoreCell {
  const end = monthEnd(month);
  if (!delivered(p, end) || p.endedOn === null) {
    why?.because(t("Belum bersalin.", "Not delivered yet."));
    return "TS";
  }
  const nifasEnd = shiftDays(p.endedOn, RULES.nifasDays);
  if (nifasEnd < monthStart(month)) {
    why?.because(t("Masa nifas (42 hari) sudah berakhir.", "The 42-day post-partum period is over."));
    return "TS";
  }
  const asOf = nifasEnd < end ? nifasEnd : end;
  const k = daysBetween(p.endedOn, asOf);
  const records = received(facts, "nifas", p.endedOn, asOf);
  const days = records.map((r) => daysBetween(p.endedOn as string, r.givenOn));
  const windows = NIFAS_SCHEDULES[schedule].windows;
  let anyDue = false;
  let missing = false;
  windows.forEach(([from, to], i) => {
    const due = k >= to;
    const met = days.some((d) => d >= from && d <= to);
    if (due) anyDue = true;
    if (due && !met) missing = true;
    why?.needs(
      t(
        `KF${i + 1} (hari ke-${from}–${to} setelah bersalin)`,
        `KF${i + 1} (day ${from}–${to} after delivery)`,
      ),
      addDays(p.endedOn as string, to),
      met,
    );
  });
  if (why) {
    why.rule = t(
      "Setiap kunjungan nifas dilakukan dalam jendelanya; jatuh tempo saat jendela berakhir.",
      "Each post-partum check within its window; due when the window closes.",
    );
    why.source = NIFAS_SCHEDULES[schedule].source;
    sawAll(why, records);
  }
  if (!anyDue) return records.length > 0 ? "Y" : "TS";
  return missing ? "T" : "Y";
}

/** Counselling for a pregnant woman: at least 4 in the pregnancy (BUKU), paced 1 / 2 / 3 / 4 (RULES). */
export function pregnancyCounsellingCell(
  p: PregnancyScoreFacts,
  facts: TargetFacts,
  month: string,
  why?: Why,
): ScoreCell {
  if (!pregnantInMonth(p, month)) {
    why?.because(t("Tidak hamil bulan ini.", "Not pregnant this month."));
    return "TS";
  }
  const end = monthEnd(month);
  const asOf = p.endedOn !== null && p.endedOn <= end ? p.endedOn : end;
  const records = received(facts, "konseling_gizi", p.lmpDate, asOf);
  const isDelivered = delivered(p, end);
  // Paced like the 4 antenatal contacts (1–1–2): 1, 2, 3, then 4 by delivery.
  const steps = pregnancyMilestones(p, [1, 1, 2]);
  let dueAny = false;
  let missing = false;
  for (const s of steps) {
    const due = s.by === null ? isDelivered : asOf >= s.by;
    const met = records.length >= s.total;
    if (due) dueAny = true;
    if (due && !met) missing = true;
    why?.needs(
      t(`${s.total}× konseling sampai ${s.label.id}`, `${s.total}× counselling by ${s.label.en}`),
      s.by ?? (isDelivered ? p.endedOn : null),
      met,
    );
  }
  if (why) {
    why.rule = t(
      `Konseling gizi atau kelas ibu hamil minimal ${RULES.counsellingTotal} kali selama kehamilan.`,
      `Nutrition counselling or antenatal class at least ${RULES.counsellingTotal} times in the pregnancy.`,
    );
    sawAll(why, records);
  }
  if (missing) return "T";
  return dueAny || records.length > 0 ? "Y" : "TS";
}

/**
 * Iron tablets: "minum 1 tablet … setiap hari minimal selama 90 hari" (BUKU), so ≥ 90 tablets in the pregnancy.
 * While pregnant, Y when 90 are reached or tablets were taken this month (taking them daily); once delivered,
 * Y only when the pregnancy's total reached 90. A record without a count adds nothing to the total.
 */
export function ttdCell(p: PregnancyScoreFacts, facts: TargetFacts, month: string, why?: Why): ScoreCell {
  const end = monthEnd(month);
  const isDelivered = delivered(p, end);
  if (!pregnantInMonth(p, month) && !(isDelivered && p.endedOn !== null && p.endedOn.slice(0, 7) === month)) {
    why?.because(t("Tidak hamil bulan ini.", "Not pregnant this month."));
    return "TS";
  }
  const asOf = p.endedOn !== null && p.endedOn <= end ? p.endedOn : end;
  const records = received(facts, "ttd", p.lmpDate, asOf);
  const total = records.reduce((sum, r) => sum + (r.quantity ?? 0), 0);
  const thisMonth = records.some((r) => inMonth(r.givenOn, month));
  if (why) {
    why.rule = t(
      `Minum 1 tablet tambah darah setiap hari, minimal ${RULES.ttdTablets} tablet selama kehamilan.`,
      `One iron tablet a day, at least ${RULES.ttdTablets} tablets in the pregnancy.`,
    );
    why.needs(
      t(
        `${RULES.ttdTablets} tablet sampai persalinan (tercatat ${total})`,
        `${RULES.ttdTablets} tablets by delivery (${total} recorded)`,
      ),
      isDelivered ? p.endedOn : null,
      total >= RULES.ttdTablets,
    );
    if (!isDelivered) why.needs(t("Minum tablet bulan ini", "Tablets taken this month"), end, thisMonth);
    sawAll(why, records);
  }
  if (total >= RULES.ttdTablets) return "Y";
  if (isDelivered) return "T";
  return thisMonth ? "Y" : "T";
}

/** The day a child born on `birth` completes `months` months (the month's last day when it has no such day). */
function anniversary(birth: string, months: number): string {
  const month = shiftMonth(birth.slice(0, 7), months);
  const end = monthEnd(month);
  const day = `${month}-${birth.slice(8, 10)}`;
  return day > end ? end : day;
}

/** Basic immunisation complete for age: every antigen whose schedule month + grace has passed was given. */
export function immunisationCell(facts: TargetFacts, month: string, why?: Why): ScoreCell {
  const end = monthEnd(month);
  const age = completedMonths(facts.birthDate, end);
  const records = received(facts, "imunisasi", facts.birthDate, end);
  const given = new Set(records.map((r) => r.detail));
  const due = ANTIGEN_CODES.filter((a) => age >= ANTIGENS[a].scheduleMonths + RULES.antigenGraceMonths);
  if (why) {
    for (const a of due) {
      const by = anniversary(facts.birthDate, ANTIGENS[a].scheduleMonths + RULES.antigenGraceMonths);
      why.needs(t(ANTIGENS[a].label, ANTIGENS[a].label), by, given.has(a));
    }
    sawAll(why, records);
  }
  if (due.length === 0) return given.size > 0 ? "Y" : "TS";
  return due.every((a) => given.has(a)) ? "Y" : "T";
}

/** Weighing: "diukur berat badannya di posyandu secara rutin setiap bulan" (BUKU) — weighed in the month. A
 *  child born this month and not weighed yet is not due (TS). */
export function weighingCell(facts: TargetFacts, month: string, why?: Why): ScoreCell {
  const days = facts.weighedOn.filter((d) => inMonth(d, month));
  if (why) {
    why.needs(t("Ditimbang bulan ini", "Weighed this month"), monthEnd(month), days.length > 0);
    for (const d of days) why.saw(t("Penimbangan", "Weighing"), d);
  }
  if (days.length > 0) return "Y";
  if (facts.birthDate >= monthStart(month)) {
    why?.because(
      t("Lahir bulan ini: penimbangan belum jatuh tempo.", "Born this month: weighing not due yet."),
    );
    return "TS";
  }
  return "T";
}

/** Length at least twice a year (BUKU): a measurement in the last 6 months; a birth length counts when born
 *  inside them; a child under 6 months without one is not due yet (TS). */
export function lengthCell(facts: TargetFacts, month: string, why?: Why): ScoreCell {
  const from = monthStart(shiftMonth(month, -(RULES.lengthWindowMonths - 1)));
  const end = monthEnd(month);
  const days = facts.lengthOn.filter((d) => d >= from && d <= end);
  const birth = facts.birthLengthKnown && facts.birthDate >= from;
  if (why) {
    why.rule = t(
      "Panjang badan diukur minimal 2 kali setahun: satu pengukuran dalam 6 bulan terakhir.",
      "Length measured at least twice a year: one measurement in the last 6 months.",
    );
    why.needs(t("Pengukuran panjang badan sejak", "Length measured since"), from, days.length > 0 || birth);
    for (const d of days) why.saw(t("Pengukuran panjang badan", "Length measurement"), d);
    if (birth) why.saw(t("Panjang lahir", "Birth length"), facts.birthDate);
  }
  if (days.length > 0 || birth) return "Y";
  if (facts.birthDate > from) {
    why?.because(t("Belum berumur 6 bulan: pengukuran belum jatuh tempo.", "Under 6 months: not due yet."));
    return "TS";
  }
  return "T";
}

/** Home visit for a child 0–23 months with gizi buruk, gizi kurang or stunting (BUKU), at least monthly; the
 *  status is the latest measured one up to the month's end (within the scorecard's measurement window). */
export function childHomeVisitCell(facts: TargetFacts, month: string, why?: Why): ScoreCell {
  const end = monthEnd(month);
  let latest: { on: string; undernourished: boolean } | null = null;
  for (const n of facts.nutrition ?? [])
    if (n.on <= end && (latest === null || n.on >= latest.on)) latest = n;
  if (!latest?.undernourished) {
    why?.because(
      latest
        ? t(
            "Status gizi terakhir tidak buruk/kurang dan tidak stunting: bukan sasaran kunjungan rumah.",
            "Latest status is neither wasted nor stunted: not a home-visit target.",
          )
        : t(
            "Belum ada status gizi terukur: bukan sasaran kunjungan rumah.",
            "No measured nutrition status: not a home-visit target.",
          ),
    );
    return "TS";
  }
  why?.saw(t("Status gizi buruk/kurang atau stunting", "Wasted or stunted"), latest.on);
  return eventInMonth(facts, "kunjungan_rumah", month, why);
}

export function birthCertificateCell(facts: TargetFacts, month: string, why?: Why): ScoreCell {
  const end = monthEnd(month);
  const cell = stateAt(facts, "akta_lahir", end, why);
  if (cell === "Y") return "Y";
  if (daysBetween(facts.birthDate, end) > RULES.birthCertificateDueDays) return "T";
  why?.because(t("Belum 60 hari sejak lahir: akta belum jatuh tempo.", "Under 60 days old: not due yet."));
  return "TS";
}

function householdCell(facts: TargetFacts, what: "waterLayak" | "latrineLayak", why?: Why): ScoreCell {
  const ok = !!facts.household?.[what];
  if (why) {
    why.needs(
      what === "waterLayak"
        ? t("Rumah tangga dengan air minum layak", "Household with safe water")
        : t("Rumah tangga dengan jamban layak", "Household with a proper latrine"),
      null,
      ok,
    );
    if (!facts.household) why.because(t("Rumah tangga belum tercatat.", "No household recorded."));
  }
  return ok ? "Y" : "T";
}

/**
 * The recorded services whose records `evaluateIndicator` reads for this indicator (kept beside it: the two
 * switches must agree; rules.test.ts checks that the other records never change a cell). A reader scoring only
 * some indicators leaves the other records unread (issue 18: the dashboards' rebuild read 224k records to use
 * 191k).
 */
export function servicesReadBy(ind: ServiceIndicator): readonly RecordedService[] {
  switch (ind.code) {
    case "bumil_anc":
      return ["anc"];
    case "bumil_ttd":
      return ["ttd"];
    case "bumil_konseling":
      return ["konseling_gizi"];
    case "bumil_nifas":
      return ["nifas"];
    case "bumil_kunjungan":
    case "anak_kunjungan":
      return ["kunjungan_rumah"];
    case "anak_imunisasi":
      return ["imunisasi"];
    case "anak_timbang":
    case "anak_ukur":
      return [];
    case "anak_akta":
      return ["akta_lahir"];
  }
  switch (ind.basis) {
    case "air_minum":
    case "jamban":
    case "penimbangan":
    case "pengukuran":
      return [];
    default:
      return [ind.basis];
  }
}

/** The cell of one indicator for a target in a month (the target is in the indicator's group that month). */
export function evaluateIndicator(
  ind: ServiceIndicator,
  facts: TargetFacts,
  month: string,
  schedules: Schedules = DEFAULT_SCHEDULES,
  why?: Why,
): ScoreCell {
  const p = facts.pregnancy;
  switch (ind.code) {
    case "bumil_anc":
      return p ? ancCell(p, facts, month, schedules.ancSchedule, why) : "TS";
    case "bumil_ttd":
      return p ? ttdCell(p, facts, month, why) : "TS";
    case "bumil_konseling":
      return p ? pregnancyCounsellingCell(p, facts, month, why) : "TS";
    case "bumil_nifas":
      return p ? nifasCell(p, facts, month, schedules.nifasSchedule, why) : "TS";
    case "bumil_kunjungan":
      // Home visits are for KEK or high-risk pregnancies only (BUKU; PALI Pasal 4(3)k "keluarga rentan").
      if (!p || !pregnantInMonth(p, month) || !(p.kek || p.highRisk)) {
        why?.because(
          t(
            "Bukan ibu hamil KEK atau risiko tinggi: bukan sasaran kunjungan rumah.",
            "Not a KEK or high-risk pregnancy: not a home-visit target.",
          ),
        );
        return "TS";
      }
      return eventInMonth(facts, "kunjungan_rumah", month, why);
    case "anak_imunisasi":
      return immunisationCell(facts, month, why);
    case "anak_timbang":
      return weighingCell(facts, month, why);
    case "anak_ukur":
      return lengthCell(facts, month, why);
    case "anak_kunjungan":
      return childHomeVisitCell(facts, month, why);
    case "anak_akta":
      return birthCertificateCell(facts, month, why);
  }
  switch (ind.basis) {
    case "air_minum":
      return householdCell(facts, "waterLayak", why);
    case "jamban":
      return householdCell(facts, "latrineLayak", why);
    case "penimbangan":
      return weighingCell(facts, month, why);
    case "pengukuran":
      return lengthCell(facts, month, why);
    default:
      return STATE_SERVICES.includes(ind.basis)
        ? stateAt(facts, ind.basis, monthEnd(month), why)
        : eventInMonth(facts, ind.basis, month, why);
  }
}
