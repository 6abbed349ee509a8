// Reports the regulations ask for (issue 15; core REPORT_KINDS with their due days): for the desa government
// and KPM, their village's reports of the latest ended periods not issued yet; for the TPPS of a kecamatan
// or the regency, their own, and the reports the level below has not sent by the due day (Paser Pasal 18 f–h,
// 45(2): the level above follows up). One item per kind, so a month of missing desa reports is one line.
import type { DueRow, InboxItem } from "@tumbuh/core";
import { reportsOwed } from "../../reports/service";
import type { InboxSource } from "../source";

function byKind(rows: readonly DueRow[]): Map<string, DueRow[]> {
  const m = new Map<string, DueRow[]>();
  for (const r of rows) m.set(r.kind, [...(m.get(r.kind) ?? []), r]);
  return m;
}

export const reportsDue: InboxSource = {
  kind: "report_due",
  roles: ["pemerintah_desa", "kpm", "tpps_kecamatan", "tpps_kabupaten"],
  async items(db, actor, assignments, today) {
    const items: InboxItem[] = [];
    for (const scope of new Set(assignments.map((a) => a.scope))) {
      if (scope === "") continue;
      const { region, own, below } = await reportsOwed(db, actor, scope, today);
      for (const [kind, rows] of byKind(own)) {
        // the oldest one still owed is the one to write first
        const first = [...rows].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] as DueRow;
        items.push({
          id: `report_due:${region.code}:${kind}`,
          kind: "report_due",
          regionCode: region.code,
          regionName: region.name,
          count: rows.length,
          at: null,
          params: { kind, period: first.period, dueOn: first.dueOn, state: first.state },
        });
      }
      for (const [kind, rows] of byKind(below)) {
        const latest = [...rows].sort((a, b) => b.dueOn.localeCompare(a.dueOn))[0] as DueRow;
        items.push({
          id: `report_missing:${region.code}:${kind}`,
          kind: "report_missing",
          regionCode: region.code,
          regionName: region.name,
          // how many of the regions below owe at least one
          count: new Set(rows.map((r) => r.regionCode)).size,
          at: null,
          params: { kind, period: latest.period, dueOn: latest.dueOn, reports: rows.length },
        });
      }
    }
    return items;
  },
};
