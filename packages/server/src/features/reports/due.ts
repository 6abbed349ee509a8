import {
  type DueRow,
  dueState,
  type Level,
  periodsExpected,
  REPORT_KINDS,
  REPORT_KINDS_LIST,
  type ReportKind,
  type ReportStatus,
  reportDueOn,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type ReportRow, reportsFor } from "./repository";

/** How many of each kind's latest ended periods are asked for (the due list and the inbox). */
export const DUE_PERIODS = 2;

export interface OwingRegion {
  code: string;
  name: string;
  level: string;
}

/** The kinds a region of this level writes; `toParent` keeps those sent to the level above (its due list). */
export function kindsOwedAt(level: string, toParent: boolean): ReportKind[] {
  return REPORT_KINDS_LIST.filter(
    (k) =>
      REPORT_KINDS[k].levels.includes(level as Level) &&
      (!toParent || REPORT_KINDS[k].recipient === "parent"),
  );
}

/**
 * Per region, kind and each of the kind's latest ended periods: when it is due and whether it came (issued
 * or acknowledged), is overdue, or is not due yet (core dueState). Regions of one level at a time or mixed.
 */
export async function owedReports(
  db: Kysely<Database>,
  regions: readonly OwingRegion[],
  kindsOf: (level: string) => readonly ReportKind[],
  today: string,
): Promise<DueRow[]> {
  const kinds = [...new Set(regions.flatMap((r) => kindsOf(r.level)))];
  const periodsByKind = new Map(kinds.map((k) => [k, periodsExpected(k, today, DUE_PERIODS)]));
  const expected = await reportsFor(
    db,
    regions.map((r) => r.code),
    kinds,
    [...new Set([...periodsByKind.values()].flat())],
  );
  const latestOf = new Map<string, ReportRow>();
  for (const r of expected) {
    const key = `${r.kind}|${r.region_code}|${r.period}`;
    const seen = latestOf.get(key);
    // The latest version that left the desk counts; a correction still in draft leaves the issued one standing.
    if (r.status !== "draft" && (!seen || seen.version < r.version)) latestOf.set(key, r);
  }
  const due: DueRow[] = [];
  for (const region of regions)
    for (const k of kindsOf(region.level))
      for (const p of periodsByKind.get(k) ?? []) {
        const r = latestOf.get(`${k}|${region.code}|${p}`) ?? null;
        const dueOn = reportDueOn(k, p);
        due.push({
          kind: k,
          regionCode: region.code,
          regionName: region.name,
          period: p,
          dueOn,
          state: dueState(dueOn, today, r ? { status: r.status as ReportStatus } : null),
          reportId: r?.id ?? null,
        });
      }
  return due;
}

/** The kecamatan or desa directly under a region (the level that reports to it). */
export async function reportingChildren(db: Kysely<Database>, regionCode: string): Promise<OwingRegion[]> {
  return db
    .selectFrom("regions")
    .select(["code", "name", "level"])
    .where("parent_code", "=", regionCode)
    .where("level", "in", ["kecamatan", "desa"])
    .orderBy("code")
    .execute();
}
