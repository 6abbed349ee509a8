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
  // Each person's judged cells, in the order given.
  const byPerson = new Map<string, PersonMonthCell[]>();
  for (const c of cells) {
    if (c.cell !== "Y" && c.cell !== "T") continue;
    const list = byPerson.get(c.personId);
    if (list) list.push(c);
    else byPerson.set(c.personId, [c]);
  }
  const months = [...new Set([...byPerson.values()].flatMap((list) => list.map((c) => c.month)))].sort();
  const index = new Map(months.map((m, i) => [m, i]));
  const counter = new PersonPeriods(months, rule, kinds);
  for (const list of byPerson.values()) {
    for (const c of list) counter.cell(index.get(c.month) as number, c.cell);
    counter.personDone();
  }
  return counter.counts();
}

/**
 * countPersons one person at a time, without a list of every cell (issue 18: the dashboards' rebuild listed
 * ~1M cells to count them afterwards): give one person's cells (`cell`, a month as its index in `months`,
 * which are in ascending order), then `personDone`, then the next person's. For a month given twice the last
 * cell given counts. `counts` is what countPersons gives for all the cells given.
 */
export class PersonPeriods {
  private readonly keys: string[] = [];
  /** Period of month i and kind k: `periodOf[i * kinds + k]`, an index into `keys`. */
  private readonly periodOf: Int32Array;
  private readonly kinds: number;
  /** The current person's cell per month: 0 none, 1 T, 2 Y; and whether any Y was given that month. */
  private readonly last: Uint8Array;
  private readonly anyY: Uint8Array;
  private readonly judged: number[] = [];
  /** Per period while a person is added: seen, the cell of its last judged month, any Y. */
  private readonly seen: Uint8Array;
  private readonly lastY: Uint8Array;
  private readonly periodAnyY: Uint8Array;
  private readonly numerator: Int32Array;
  private readonly denominator: Int32Array;

  constructor(
    months: readonly string[],
    private readonly rule: PersonRule,
    kinds: readonly PeriodKind[] = ["month", ...LONGER_KINDS],
  ) {
    this.kinds = kinds.length;
    this.periodOf = new Int32Array(months.length * kinds.length);
    const index = new Map<string, number>();
    months.forEach((month, i) => {
      kinds.forEach((kind, k) => {
        const period = periodContaining(kind, month);
        let p = index.get(period);
        if (p === undefined) {
          p = this.keys.length;
          this.keys.push(period);
          index.set(period, p);
        }
        this.periodOf[i * kinds.length + k] = p;
      });
    });
    this.last = new Uint8Array(months.length);
    this.anyY = new Uint8Array(months.length);
    const n = this.keys.length;
    this.seen = new Uint8Array(n);
    this.lastY = new Uint8Array(n);
    this.periodAnyY = new Uint8Array(n);
    this.numerator = new Int32Array(n);
    this.denominator = new Int32Array(n);
  }

  /** The current person's cell in month `month` (an index in `months`); only Y and T judge. */
  cell(month: number, cell: ScoreCell | null | undefined): void {
    if (cell !== "Y" && cell !== "T") return;
    if (this.last[month] === 0) this.judged.push(month);
    this.last[month] = cell === "Y" ? 2 : 1;
    if (cell === "Y") this.anyY[month] = 1;
  }

  /** Count the current person in each period it was judged in, and start the next person. */
  personDone(): void {
    if (this.judged.length === 0) return;
    // Ascending: a period's last judged month is the last one seen.
    this.judged.sort((a, b) => a - b);
    const periods: number[] = [];
    for (const m of this.judged) {
      for (let k = 0; k < this.kinds; k++) {
        const p = this.periodOf[m * this.kinds + k] as number;
        if (this.seen[p] === 0) {
          this.seen[p] = 1;
          periods.push(p);
        }
        this.lastY[p] = this.last[m] === 2 ? 1 : 0;
        if (this.anyY[m] === 1) this.periodAnyY[p] = 1;
      }
      this.last[m] = 0;
      this.anyY[m] = 0;
    }
    for (const p of periods) {
      (this.denominator[p] as number)++;
      if ((this.rule === "last" ? this.lastY[p] : this.periodAnyY[p]) === 1) (this.numerator[p] as number)++;
      this.seen[p] = 0;
      this.lastY[p] = 0;
      this.periodAnyY[p] = 0;
    }
    this.judged.length = 0;
  }

  /** Persons per period judged at least once (as countPersons). */
  counts(): Map<string, PersonFraction> {
    const out = new Map<string, PersonFraction>();
    this.keys.forEach((period, p) => {
      const denominator = this.denominator[p] as number;
      if (denominator > 0) out.set(period, { numerator: this.numerator[p] as number, denominator });
    });
    return out;
  }
}
