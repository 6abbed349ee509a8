import {
  type EppgbmRow,
  isPlaceholder,
  RECONCILED_INDICES,
  type Reconciliation,
  type ReconciliationItem,
  readNumber,
} from "@tumbuh/core";
import { BBTB, BBU, bandByCode, type PermenkesIndex, TBU } from "@tumbuh/growth";
import type { MeasurementsTable } from "../../db/schema";

/** Issue 16: a z-score differing from e-PPGBM's by more than 0.1 is reported. */
export const Z_TOLERANCE = 0.1;
/** Differences listed in full in a result (counts are always complete). */
export const ITEMS_SHOWN = 2000;

type Index = (typeof RECONCILED_INDICES)[number];
const INDEX: Record<
  Index,
  {
    z: "zwei" | "zlen" | "zwfl";
    zs: "zsBbu" | "zsTbu" | "zsBbtb";
    label: "bbu" | "tbu" | "bbtb";
    ix: PermenkesIndex;
  }
> = {
  bbu: { z: "zwei", zs: "zsBbu", label: "bbu", ix: BBU },
  tbu: { z: "zlen", zs: "zsTbu", label: "tbu", ix: TBU },
  bbtb: { z: "zwfl", zs: "zsBbtb", label: "bbtb", ix: BBTB },
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * e-PPGBM's status labels → Permenkes 2/2020 band codes: the label as Permenkes words it (Indonesian or
 * English), and for BB/U also without "Berat Badan" ("Normal", "Kurang"), as exports shorten it.
 */
const LABELS = new Map<Index, Map<string, string>>(
  RECONCILED_INDICES.map((i) => {
    const m = new Map<string, string>();
    for (const b of INDEX[i].ix.bands) {
      for (const l of [b.labelId, b.labelEn]) m.set(norm(l), b.code);
      m.set(norm(b.labelId).replace(/^beratbadan/, ""), b.code);
    }
    return [i, m];
  }),
);

export interface ReconciledRow {
  row: EppgbmRow;
  measurement: Pick<MeasurementsTable, "zwei" | "zlen" | "zwfl" | "bbu" | "tbu" | "bbtb">;
}

/**
 * Compares e-PPGBM's own z-scores and statuses (kept as source values) with Tumbuh's for the same
 * measurement: differences over the tolerance, placeholders such as 999.99, and labels naming another
 * category; counted per posyandu as the file names it. Rows are added as an import plans them (a chunk at
 * a time), so the file's rows need not be held until its end (issue 16: memory and garbage collection).
 */
export class Reconciler {
  readonly #items: ReconciliationItem[] = [];
  #itemCount = 0;
  readonly #per = new Map<string, Reconciliation["byPosyandu"][number]>();
  readonly #counts = { zscore: 0, placeholder: 0, label: 0 };
  #compared = 0;

  add({ row, measurement }: ReconciledRow): void {
    const s = row.source;
    const has = RECONCILED_INDICES.some(
      (i) => s[INDEX[i].zs] !== undefined || s[INDEX[i].label] !== undefined,
    );
    if (!has) return;
    this.#compared++;
    const posyandu = row.posyandu ?? "";
    const key = `${row.desa}|${posyandu}`;
    let p = this.#per.get(key);
    if (!p) {
      p = { posyandu, desa: row.desa, rows: 0, zscore: 0, placeholder: 0, label: 0 };
      this.#per.set(key, p);
    }
    p.rows++;
    const note = (item: Omit<ReconciliationItem, "line" | "name" | "posyandu">) => {
      this.#counts[item.kind]++;
      (p as { zscore: number; placeholder: number; label: number })[item.kind]++;
      // Only the first ITEMS_SHOWN are listed; the counts stay complete.
      if (this.#itemCount++ < ITEMS_SHOWN)
        this.#items.push({ line: row.line, name: row.name, posyandu, ...item });
    };
    for (const indicator of RECONCILED_INDICES) {
      const { z, zs, label } = INDEX[indicator];
      const ours = measurement[z];
      const theirs = s[zs];
      if (theirs !== undefined) {
        const tumbuh = ours === null ? null : ours.toFixed(2);
        if (isPlaceholder(theirs)) note({ indicator, kind: "placeholder", eppgbm: theirs, tumbuh });
        else {
          const v = readNumber(theirs);
          if (v !== null && (v === "invalid" || ours === null || Math.abs(v - ours) > Z_TOLERANCE + 1e-9)) {
            note({ indicator, kind: "zscore", eppgbm: theirs, tumbuh });
          }
        }
      }
      const theirLabel = s[label];
      if (theirLabel !== undefined && !isPlaceholder(theirLabel)) {
        const code = measurement[label];
        const theirCode = LABELS.get(indicator)?.get(norm(theirLabel));
        if (theirCode === undefined || theirCode !== code) {
          const band = code ? bandByCode(code) : null;
          note({ indicator, kind: "label", eppgbm: theirLabel, tumbuh: band?.labelId ?? null });
        }
      }
    }
  }

  /** The comparison of every row added so far, rows in the order they were added. */
  result(): Reconciliation {
    const byPosyandu = [...this.#per.values()].sort(
      (a, b) =>
        b.zscore + b.placeholder + b.label - (a.zscore + a.placeholder + a.label) ||
        a.desa.localeCompare(b.desa) ||
        a.posyandu.localeCompare(b.posyandu),
    );
    return {
      compared: this.#compared,
      tolerance: Z_TOLERANCE,
      counts: { ...this.#counts },
      byPosyandu: byPosyandu.map((p) => ({ ...p })),
      items: [...this.#items],
      truncated: this.#itemCount > ITEMS_SHOWN,
    };
  }
}
