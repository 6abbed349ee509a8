// Pure helpers of the catalog page: grouping by where the regulation writes each indicator, and reading
// the edit-target form. No React here, so they are unit-tested in node.
import { CATALOG_GROUPS, type IndicatorDef, parseDecimal, sourceGroup } from "@tumbuh/core";

export type CatalogGroup = (typeof CATALOG_GROUPS)[number];

export interface StrategyBlock {
  /** The annex strategy letter (kegiatan); null for Pasal 6/7. */
  strategy: string | null;
  activity: string | null;
  items: IndicatorDef[];
}

/** Pasal 6, Pasal 7, Lampiran A, Pilar 1–5 — each with its strategies in file order; empty groups left out. */
export function groupCatalog(
  indicators: readonly IndicatorDef[],
): { group: CatalogGroup; blocks: StrategyBlock[] }[] {
  const out: { group: CatalogGroup; blocks: StrategyBlock[] }[] = [];
  for (const group of CATALOG_GROUPS) {
    const blocks: StrategyBlock[] = [];
    for (const def of indicators) {
      if (sourceGroup(def.source) !== group) continue;
      const strategy = def.source.kind === "annex" ? def.source.strategy : null;
      let block = blocks.find((b) => b.strategy === strategy);
      if (!block) {
        block = { strategy, activity: def.activity, items: [] };
        blocks.push(block);
      }
      block.items.push(def);
    }
    if (blocks.length > 0) out.push({ group, blocks });
  }
  return out;
}

/** What the form holds: text as typed. */
export interface TargetForm {
  value: string;
  original: string;
  year: string;
}

export function targetFormOf(def: IndicatorDef): TargetForm {
  return {
    value: def.target.value === null ? "" : String(def.target.value).replace(".", ","),
    original: def.target.original,
    year: def.year === null ? "" : String(def.year),
  };
}

export type TargetFormResult =
  | { ok: true; input: { value: number | null; original: string; year: number | null } }
  | { ok: false; errors: { value?: "cat.badNumber"; year?: "cat.badYear" } };

/** Reads the form: decimal comma or point, empty = none; a year is four digits. */
export function readTargetForm(form: TargetForm): TargetFormResult {
  const errors: { value?: "cat.badNumber"; year?: "cat.badYear" } = {};
  let value = parseDecimal(form.value, { signed: true });
  if (Number.isNaN(value)) {
    value = null;
    errors.value = "cat.badNumber";
  }
  const rawYear = form.year.trim();
  let year: number | null = null;
  if (rawYear !== "") {
    if (/^\d{4}$/.test(rawYear)) year = Number(rawYear);
    else errors.year = "cat.badYear";
  }
  if (errors.value || errors.year) return { ok: false, errors };
  return { ok: true, input: { value, original: form.original.trim(), year } };
}
