/**
 * Traffic-light status of an indicator against its target (Paser Pasal 6–7 targets, the annex's "Target"
 * column). The rule, written once here and shown on the dashboard legend:
 *
 * - green: the target is met — value ≥ target when the target direction is "up" (coverage, services),
 *   value ≤ target when it is "down" (prevalence: Paser Pasal 6 sets a ceiling, e.g. stunting ≤ 14%);
 * - amber: not met but within 10% of the target (up: value ≥ 0.9 × target; down: value ≤ 1.1 × target),
 *   i.e. close enough that the next period can reach it;
 * - red: further away than that;
 * - none: no figure for the period, or the target has no number (a "document" or "system" target).
 */
export const TRAFFIC_LIGHTS = ["green", "amber", "red", "none"] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

/** Relative distance to the target still counted as amber. */
export const AMBER_MARGIN = 0.1;

export function trafficLight(
  value: number | null,
  target: number | null,
  direction: "up" | "down",
): TrafficLight {
  if (value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target)) return "none";
  if (direction === "up") {
    if (value >= target) return "green";
    return value >= target * (1 - AMBER_MARGIN) ? "amber" : "red";
  }
  if (value <= target) return "green";
  return value <= target * (1 + AMBER_MARGIN) ? "amber" : "red";
}
