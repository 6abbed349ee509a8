import { addDays } from "../dates";
import { periodBounds, periodContaining, shiftPeriod } from "../period";
import { REPORT_KINDS, type ReportKind } from "./kinds";

/** The day a report of this kind and period is due: the period's last day plus the kind's days (REPORT_KINDS). */
export function reportDueOn(kind: ReportKind, period: string): string {
  return addDays(periodBounds(period).end, REPORT_KINDS[kind].dueDays);
}

/**
 * The `count` latest periods of the kind whose period has ended by `today`, newest first: the ones the
 * level above expects (or soon expects) a report for.
 */
export function periodsExpected(kind: ReportKind, today: string, count: number): string[] {
  const current = periodContaining(REPORT_KINDS[kind].period, today);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -(i + 1)));
}

/** received / acknowledged when issued; else overdue after the due day, not_due before it. */
export function dueState(
  dueOn: string,
  today: string,
  report: { status: "draft" | "issued" | "acknowledged" } | null,
): "received" | "acknowledged" | "overdue" | "not_due" {
  if (report?.status === "acknowledged") return "acknowledged";
  if (report?.status === "issued") return "received";
  return today > dueOn ? "overdue" : "not_due";
}
