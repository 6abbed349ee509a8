import { type PeriodKind, periodContaining } from "../period";
import type { ScoreCell } from "../services/rules";

/**
 * Persons, not target-months (issue 14): Paser Pasal 7 c, g, p, q and t each name persons — "ibu hamil
 * mengikuti konseling gizi", "ibu hamil yang melakukan pemeriksaan kehamilan sesuai standar", "orang tua
 * yang mengikuti kelas parenting", "anak usia 2–6 tahun terdaftar (peserta didik) di PAUD", "layanan ibu
 * nifas" (Perbup Paser 47/2024 Pasal 7). A month counts each target once by its scorecard cell that month;
 * a quarter, semester or year counts each person once too:
 *   denominator: persons the rule applied to (Y or T) in at least one month of the period;
 *   numerator:   persons who met the standard in the period, by the indicator's way of meeting it:
 *     "last"  — the cumulative rules (ANC to standard, ≥ 4 counsellings paced over the pregnancy, the KF
 *               windows): the cell of the person's last judged month in the period says whether what was
 *               due by then was done — a woman who fell behind and did not catch up did not meet it;
 *     "any"   — the attendance rules (parenting class, PAUD): attended in at least one month of it.
 * A month whose cell is TS (rule not applying yet), or null, judges nothing.
 */
export type PersonRule = "last" | "any";

export interface PersonMonthCell {
  personId: string;
  /** YYYY-MM */
  month: string;
  cell: ScoreCell | null | undefined;
}

export interface PersonFraction {
  numerator: number;
  denominator: number;
}

export const LONGER_KINDS: readonly PeriodKind[] = ["quarter", "semester", "year"];

/** Persons per period of the given kinds (keys "2025-Q3", "2025-S1", "2025", or months), by `rule`. */
export function countPersons(
  cells: Iterable<PersonMonthCell>,
  rule: PersonRule,
  kinds: readonly PeriodKind[] = ["month", ...LONGER_KINDS],
): Map<string, PersonFraction> {
  // Per period and person: [latest judged month, its cell, any Y].
  const state = new Map<string, Map<string, { month: string; y: boolean; anyY: boolean }>>();
  for (const c of cells) {
    if (c.cell !== "Y" && c.cell !== "T") continue;
    const y = c.cell === "Y";
    for (const kind of kinds) {
      const period = periodContaining(kind, c.month);
      let persons = state.get(period);
      if (!persons) {
        persons = new Map();
        state.set(period, persons);
      }
      const s = persons.get(c.personId);
      if (!s) persons.set(c.personId, { month: c.month, y, anyY: y });
      else {
        if (c.month >= s.month) {
          s.month = c.month;
          s.y = y;
        }
        if (y) s.anyY = true;
      }
    }
  }
  const out = new Map<string, PersonFraction>();
  for (const [period, persons] of state) {
    let numerator = 0;
    for (const s of persons.values()) if (rule === "last" ? s.y : s.anyY) numerator++;
    out.set(period, { numerator, denominator: persons.size });
  }
  return out;
}
