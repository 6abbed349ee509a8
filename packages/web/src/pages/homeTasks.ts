// The home page's "main tasks": for each role the user holds, the pages of its everyday work, first
// (issue 17: KPM scorecard and planning; desa planning and reports; TPPS dashboards and reviews; kader the
// posyandu day — the card above the tasks, shown by scope; bidan the pregnant women). Pure, so the order per role is tested without a browser.
import type { Assignment, Role } from "../api/types";
import type { MessageKey } from "../i18n/messages";
import { pathFor } from "../router/routes";

export interface HomeTask {
  to: string;
  title: MessageKey;
  hint: MessageKey;
}

type TaskMaker = (scope: string) => HomeTask;

const scorecard: TaskMaker = (code) => ({
  to: pathFor("scorecard", { code }),
  title: "task.scorecard",
  hint: "task.scorecardHint",
});
const planning: TaskMaker = (code) => ({
  to: pathFor("planning", { code }),
  title: "task.planning",
  hint: "task.planningHint",
});
const reviews: TaskMaker = (code) => ({
  to: pathFor("planningOverview", { code }),
  title: "task.reviews",
  hint: "task.reviewsHint",
});
const dashboard: TaskMaker = (code) => ({
  to: pathFor("indicators", { code, period: null, agency: null }),
  title: "task.dashboard",
  hint: "task.dashboardHint",
});
const reports: TaskMaker = (code) => ({
  to: pathFor("reports", { code }),
  title: "task.reports",
  hint: "task.reportsHint",
});
const registry: TaskMaker = (code) => ({
  to: pathFor("registry", { code }),
  title: "task.registry",
  hint: "task.registryHint",
});
const pregnant: TaskMaker = (code) => ({
  to: pathFor("pregnantWomen", { code }),
  title: "task.pregnantWomen",
  hint: "task.pregnantWomenHint",
});
const users: TaskMaker = () => ({ to: "/pengguna", title: "task.users", hint: "task.usersHint" });
const audit: TaskMaker = () => ({ to: "/audit", title: "task.audit", hint: "task.auditHint" });
const catalog: TaskMaker = () => ({ to: "/indikator", title: "task.catalog", hint: "task.catalogHint" });

/** Each role's everyday pages, most used first. */
const TASKS: Record<Role, readonly TaskMaker[]> = {
  kpm: [scorecard, planning, registry],
  pemerintah_desa: [planning, reports, scorecard],
  tpps_kecamatan: [dashboard, reviews, reports, scorecard],
  tpps_kabupaten: [dashboard, reviews, reports, scorecard],
  opd: [dashboard, catalog],
  kader_posyandu: [registry],
  bidan: [pregnant, registry],
  admin_kabupaten: [users, audit, catalog, dashboard],
  viewer: [dashboard, scorecard],
};

/** The user's tasks in the order of their assignments, each page once. */
export function homeTasks(assignments: readonly Pick<Assignment, "role" | "scope">[]): HomeTask[] {
  const seen = new Set<string>();
  const tasks: HomeTask[] = [];
  for (const a of assignments) {
    for (const make of TASKS[a.role]) {
      const task = make(a.scope);
      if (seen.has(task.to)) continue;
      seen.add(task.to);
      tasks.push(task);
    }
  }
  return tasks;
}
