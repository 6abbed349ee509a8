// How long ago the dashboards' figures were rebuilt, in the unit a reader expects ("5 menit lalu"). Pure.
import type { FiguresFreshness } from "@tumbuh/core";

export type FreshnessAgo =
  | { unit: "never" }
  | { unit: "justNow" }
  | { unit: "minutes" | "hours" | "days"; n: number };

export function freshnessAgo(f: FiguresFreshness, now: number): FreshnessAgo {
  if (!f.builtAt) return { unit: "never" };
  const minutes = Math.floor((now - Date.parse(f.builtAt)) / 60_000);
  if (Number.isNaN(minutes) || minutes < 1) return { unit: "justNow" };
  if (minutes < 60) return { unit: "minutes", n: minutes };
  if (minutes < 24 * 60) return { unit: "hours", n: Math.floor(minutes / 60) };
  return { unit: "days", n: Math.floor(minutes / (24 * 60)) };
}
