// The posyandu day, worked out on the device from the local store: which children are due (under five,
// registered at this posyandu), who was already weighed today, and the instant growth result of a new
// measurement — from the same pure engine the server uses (@tumbuh/core over @tumbuh/growth).
import {
  type ChartView,
  type ChildAlert,
  completedMonths,
  isWithin,
  type MeasurementView,
  nameKey,
  presentOn,
  type WeighingStatus,
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
  motherId: string | null;
  /** The mother's name from her own record when the phone has it, else the parent named on the child. */
  motherName?: string | null;
  birthWeightKg: number | null;
  birthLengthCm: number | null;
  revision: number;
  /** Moved away or died on that day (core presentOn): off the day's list from then. */
  leftOn: string | null;
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
  /** Not weighed yet this calendar month: the posyandu's monthly weighing is due. */
  due: boolean;
  /** The latest weighing: day, weight and N/T/O/B; null before the first. */
  last: { measuredOn: string; weightKg: number | null; weighing: WeighingStatus | null } | null;
  /** 2T, stunting, wasting… as of the latest measurement (core childAlerts). */
  alerts: ChildAlert[];
  /** Lower-cased name, for filtering without allocating per keystroke. */
  key: string;
  /** Sound-alike keys of each word of the child's and the mother's names (core nameKey), for search. */
  soundKeys: string[];
}

/**
 * Children under 60 completed months registered at the posyandu (or below it) and still there today (not
 * moved away or died: core presentOn), by name, each with the
 * latest weighing and its alerts (from the measurements on the phone, `history` by child id).
 */
export function dueChildren(
  children: readonly LocalChild[],
  weighedToday: ReadonlySet<string>,
  posyandu: string,
  today: string,
  history: ReadonlyMap<string, readonly LocalMeasurement[]> = new Map(),
): DueRow[] {
  const rows: DueRow[] = [];
  const month = today.slice(0, 7);
  for (const c of children) {
    if (!isWithin(c.regionCode, posyandu) || c.birthDate > today || !presentOn(c, today)) continue;
    const ageMonths = completedMonths(c.birthDate, today);
    if (ageMonths >= 60) continue;
    const ms = history.get(c.id) ?? [];
    let last: DueRow["last"] = null;
    let alerts: ChildAlert[] = [];
    if (ms.length > 0) {
      // Only the latest view is computed (z-scores cost); N/T and 2T still come from every weighing.
      const { views, twoT } = measurementViews(
        { sex: c.sex, birthDate: c.birthDate },
        ms.map(rawOf),
        "latest",
      );
      const v = views.at(-1);
      if (v) last = { measuredOn: v.measuredOn, weightKg: v.weightKg, weighing: v.weighing };
      alerts = childAlerts(views, twoT);
    }
    const mother = c.motherName ?? c.parentName;
    rows.push({
      child: c,
      ageMonths,
      weighedToday: weighedToday.has(c.id),
      due: !ms.some((m) => m.measuredOn.startsWith(month) && m.weightKg != null),
      last,
      alerts,
      key: `${c.name} ${mother ?? ""}`.toLocaleLowerCase("id"),
      soundKeys: `${nameKey(c.name)} ${mother ? nameKey(mother) : ""}`.split(" ").filter(Boolean),
    });
  }
  return rows.sort((a, b) => a.child.name.localeCompare(b.child.name, "id"));
}

/**
 * The day's search: digits look for a NIK (the phone holds only its last 4 digits, so the last 4 typed
 * must match); words must each start a word of the child's or mother's name ("sit am" finds "Siti
 * Aminah"), or each word must sound like a word of the two names (core nameKey: "Muhamad" finds
 * "Muhammad", "Nurhajati" finds "Nurhayati").
 */
export function filterByName(rows: readonly DueRow[], query: string): readonly DueRow[] {
  const q = query.trim();
  if (q === "") return rows;
  if (/^\d{4,16}$/.test(q)) {
    const tail = q.slice(-4);
    return rows.filter((r) => r.child.nikMasked?.endsWith(tail));
  }
  const words = q.toLocaleLowerCase("id").split(/\s+/).filter(Boolean);
  const sounds = nameKey(q).split(" ").filter(Boolean);
  return rows.filter((r) => {
    const parts = r.key.split(/\s+/);
    if (words.every((w) => parts.some((p) => p.startsWith(w)))) return true;
    return sounds.length > 0 && sounds.every((s) => r.soundKeys.includes(s));
  });
}

export function rawOf(m: LocalMeasurement): RawMeasurement {
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
  const { views, twoT } = measurementViews(
    { sex: child.sex, birthDate: child.birthDate },
    history.map(rawOf),
  );
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
  return chartFor({ sex: child.sex, birthDate: child.birthDate }, indicator, history.map(rawOf));
}
