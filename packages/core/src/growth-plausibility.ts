// Is a new measurement believable before it is saved? Three checks, each with its source, run the same on
// the phone (before the cadre saves) and on the server (which refuses the value unless it was confirmed).
import { daysBetween } from "./dates";
import { derive, type RawMeasurement } from "./growth-derive";

/**
 * Measurement error of a length board / stadiometer: in the WHO Multicentre Growth Reference Study two
 * trained measurers repeated a length or height when their readings differed by more than 0.7 cm (the
 * "maximum allowable difference"; de Onis et al., "Measurement and standardization protocols for
 * anthropometry used in the construction of a new international growth reference", Food Nutr Bull
 * 2004;25(1 Suppl):S27–S36, Table 2). A child's length that falls by more than this since the last visit
 * is a reading or typing error, never growth.
 */
export const LENGTH_DROP_TOLERANCE_CM = 0.7;

/**
 * A weighing whose weight-for-age z moves more than 3 SD from the child's previous weighing. Longitudinal
 * outlier studies flag values 3 to 6 SD away from the child's own trajectory (Silva et al., "Identifying
 * biologically implausible values in big longitudinal data", BMC Med Res Methodol 2024, doi
 * 10.1186/s12874-024-02161-1, cut-offs ±3…±6; Yang & Hutcheon, Ann Epidemiol 2016;26(1):77–80, 4 SD from
 * the conditional expectation). We take the strictest, 3, on the plain z difference: asking once too often
 * costs the cadre one tap, a typo kept costs a child a wrong status.
 */
export const WEIGHT_JUMP_Z = 3;
/** Only against a weighing this recent: over a longer gap a large change of z can be real. */
export const WEIGHT_JUMP_WITHIN_DAYS = 183;

export type PlausibilityIssue =
  /** Outside WHO's biologically plausible range (flags of @tumbuh/growth, WHO Anthro limits). */
  | { kind: "who_flag"; indicator: string }
  /** Length/height lower than the last one by more than measurement error. */
  | { kind: "length_drop"; previousCm: number; previousOn: string }
  /** Weight-for-age z jumped beyond the limit since the last weighing. */
  | { kind: "weight_jump"; previousKg: number; previousOn: string };

/** The length as if measured lying (WHO adds 0.7 cm to a standing height), so l and h compare. */
function lengthEquivalent(m: RawMeasurement): number | null {
  if (m.lenheiCm == null) return null;
  return m.lenheiCm + (m.measure === "h" ? 0.7 : 0);
}

/**
 * What is implausible about `next` given the child's earlier live measurements (any order). Empty when
 * it looks right. Pure: the device and the server pass the history they have.
 */
export function plausibilityIssues(
  child: { sex: 1 | 2; birthDate: string },
  history: readonly RawMeasurement[],
  next: RawMeasurement,
): PlausibilityIssue[] {
  const issues: PlausibilityIssue[] = [];
  const d = derive(child, next);
  for (const f of d.flags) issues.push({ kind: "who_flag", indicator: f });
  const before = history
    .filter((m) => m.id !== next.id && m.measuredOn < next.measuredOn)
    .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1));
  const len = lengthEquivalent(next);
  const lastLen = before.filter((m) => m.lenheiCm != null).at(-1);
  if (len != null && lastLen) {
    const prev = lengthEquivalent(lastLen) as number;
    // Rounded to the millimetre so 0.7 cm exactly is inside the tolerance despite binary fractions.
    if (Math.round((prev - len) * 10) > LENGTH_DROP_TOLERANCE_CM * 10) {
      issues.push({
        kind: "length_drop",
        previousCm: lastLen.lenheiCm as number,
        previousOn: lastLen.measuredOn,
      });
    }
  }
  const lastWeight = before.filter((m) => m.weightKg != null).at(-1);
  if (
    next.weightKg != null &&
    lastWeight &&
    d.zwei != null &&
    daysBetween(lastWeight.measuredOn, next.measuredOn) <= WEIGHT_JUMP_WITHIN_DAYS
  ) {
    const prevZ = derive(child, lastWeight).zwei;
    if (prevZ != null && Math.abs(d.zwei - prevZ) > WEIGHT_JUMP_Z) {
      issues.push({
        kind: "weight_jump",
        previousKg: lastWeight.weightKg as number,
        previousOn: lastWeight.measuredOn,
      });
    }
  }
  return issues;
}
