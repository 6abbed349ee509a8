// The posyandu day, worked out on the device from the local store: which children are due (under five,
// registered at this posyandu), who was already weighed today, and the instant growth result of a new
// measurement — from the same pure engine the server uses (@tumbuh/core over @tumbuh/growth).
import {
  type ChartView,
  type ChildAlert,
  completedMonths,
  isWithin,
  type MeasurementView,
} from "@tumbuh/core";
import { chartFor, childAlerts, measurementViews, type RawMeasurement } from "@tumbuh/core/growth-views";

export interface LocalChild {
  id: string;
  regionCode: string;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  parentName: string | null;
  nikMasked: string | null;
  revision: number;
}

export interface LocalMeasurement {
  id: string;
  personId: string;
  measuredOn: string;
  weightKg: number | null;
  lenheiCm: number | null;
  measure: "l" | "h" | null;
  muacCm: number | null;
  headcCm: number | null;
  oedema: boolean;
}

export interface DueRow {
  child: LocalChild;
  ageMonths: number;
  weighedToday: boolean;
  /** Lower-cased name, for filtering without allocating per keystroke. */
  key: string;
}

/** Children under 60 completed months registered at the posyandu (or below it), by name. */
export function dueChildren(
  children: readonly LocalChild[],
  weighedToday: ReadonlySet<string>,
  posyandu: string,
  today: string,
): DueRow[] {
  const rows: DueRow[] = [];
  for (const c of children) {
    if (!isWithin(c.regionCode, posyandu) || c.birthDate > today) continue;
    const ageMonths = completedMonths(c.birthDate, today);
    if (ageMonths >= 60) continue;
    rows.push({
      child: c,
      ageMonths,
      weighedToday: weighedToday.has(c.id),
      key: c.name.toLocaleLowerCase("id"),
    });
  }
  return rows.sort((a, b) => a.key.localeCompare(b.key, "id"));
}

/** Every word typed must start a word of the name ("sit am" finds "Siti Aminah"). */
export function filterByName(rows: readonly DueRow[], query: string): readonly DueRow[] {
  const words = query.toLocaleLowerCase("id").split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const parts = r.key.split(/\s+/);
    return words.every((w) => parts.some((p) => p.startsWith(w)));
  });
}

function raw(m: LocalMeasurement): RawMeasurement {
  return {
    id: m.id,
    measuredOn: m.measuredOn,
    weightKg: m.weightKg,
    lenheiCm: m.lenheiCm,
    measure: m.measure,
    muacCm: m.muacCm,
    headcCm: m.headcCm,
    oedema: m.oedema,
    measuredBy: null,
  };
}

/** z-scores, Permenkes categories, N/T against earlier weighings and the child's alerts, for one visit. */
export function resultOf(
  child: LocalChild,
  history: readonly LocalMeasurement[],
  id: string,
): { view: MeasurementView; alerts: ChildAlert[] } | null {
  const { views, twoT } = measurementViews({ sex: child.sex, birthDate: child.birthDate }, history.map(raw));
  const view = views.find((v) => v.id === id);
  if (!view) return null;
  // Alerts as of this visit: the views up to and including it.
  return { view, alerts: childAlerts(views.slice(0, views.indexOf(view) + 1), twoT) };
}

export function chartOf(
  child: LocalChild,
  history: readonly LocalMeasurement[],
  indicator: ChartView["indicator"],
) {
  return chartFor({ sex: child.sex, birthDate: child.birthDate }, indicator, history.map(raw));
}
