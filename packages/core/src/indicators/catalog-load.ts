import { COMPUTATIONS, IndicatorCatalog, type IndicatorDef, type IndicatorSource } from "./catalog-schema";

/** One problem in a catalog file: which indicator (position and id when readable), which field, why. */
export interface CatalogError {
  /** 0-based position in `indicators`; null for the file or its top-level fields. */
  index: number | null;
  /** The indicator's id when it has a readable one. */
  id: string | null;
  /** Dotted path inside the indicator ("target.value") or the top-level field ("regency"). */
  field: string;
  message: string;
}

export type CatalogParseResult =
  | { ok: true; catalog: IndicatorCatalog }
  | { ok: false; errors: CatalogError[] };

/** "indicator 12 (annex.A.b.3) target.value: …" — the form the CLI and the API use. */
export function formatCatalogError(e: CatalogError): string {
  const where = e.index === null ? "" : `indicator ${e.index + 1}${e.id ? ` (${e.id})` : ""} `;
  return `${where}${e.field}: ${e.message}`;
}

function rawId(raw: unknown, index: number): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const list = (raw as { indicators?: unknown }).indicators;
  if (!Array.isArray(list)) return null;
  const item = list[index] as { id?: unknown } | undefined;
  return typeof item?.id === "string" ? item.id : null;
}

/**
 * Read a catalog file's text: JSON, then the shape (catalog-schema.ts), then the rules the shape cannot
 * say — ids unique, computations known to the server, `targetFrom` naming an indicator of the same file.
 * Every problem is listed, not only the first, so a regency fixes its file in one pass.
 */
export function parseCatalog(text: string): CatalogParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [{ index: null, id: null, field: "(file)", message: `not JSON: ${(e as Error).message}` }],
    };
  }
  return validateCatalog(raw);
}

/** The same checks as parseCatalog for an already-parsed value (an API body). */
export function validateCatalog(raw: unknown): CatalogParseResult {
  const parsed = IndicatorCatalog.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue): CatalogError => {
      const [top, index, ...rest] = issue.path;
      if (top === "indicators" && typeof index === "number") {
        return {
          index,
          id: rawId(raw, index),
          field: rest.length > 0 ? rest.join(".") : "(indicator)",
          message: issue.message,
        };
      }
      return { index: null, id: null, field: issue.path.join(".") || "(file)", message: issue.message };
    });
    return { ok: false, errors };
  }
  const catalog = parsed.data;
  const errors: CatalogError[] = [];
  const seen = new Map<string, number>();
  catalog.indicators.forEach((def, index) => {
    const first = seen.get(def.id);
    if (first !== undefined)
      errors.push({ index, id: def.id, field: "id", message: `duplicate id (also indicator ${first + 1})` });
    else seen.set(def.id, index);
  });
  catalog.indicators.forEach((def, index) => {
    if (
      def.measure.mode === "computed" &&
      !(COMPUTATIONS as readonly string[]).includes(def.measure.computation)
    )
      errors.push({
        index,
        id: def.id,
        field: "measure.computation",
        message: `unknown computation "${def.measure.computation}" (known: ${COMPUTATIONS.join(", ")})`,
      });
    if (def.targetFrom !== undefined && !seen.has(def.targetFrom))
      errors.push({
        index,
        id: def.id,
        field: "targetFrom",
        message: `no indicator "${def.targetFrom}" in this catalog`,
      });
    if (def.target.kind === "none" && def.target.value !== null)
      errors.push({
        index,
        id: def.id,
        field: "target.value",
        message: 'must be null when target.kind is "none"',
      });
    if (def.target.kind === "frequency" && def.target.per === null)
      errors.push({ index, id: def.id, field: "target.per", message: "a frequency needs its period" });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalog };
}

/** "Pasal 7 huruf a", "Pasal 6 ayat (1)", "Lampiran A a.1", "Lampiran B Pilar 3 b.5". */
export function sourceLabel(source: IndicatorSource): string {
  switch (source.kind) {
    case "pasal7":
      return `Pasal 7 huruf ${source.letter}`;
    case "pasal6":
      return `Pasal 6 ayat (${source.ayat})`;
    case "annex":
      return source.section === "A"
        ? `Lampiran A ${source.strategy}.${source.number}`
        : `Lampiran B Pilar ${source.section.slice(1)} ${source.strategy}.${source.number}`;
  }
}

/** The group an indicator is listed under: "pasal6", "pasal7", "A", "P1" … "P5". */
export function sourceGroup(source: IndicatorSource): string {
  return source.kind === "annex" ? source.section : source.kind;
}

export const CATALOG_GROUPS = ["pasal6", "pasal7", "A", "P1", "P2", "P3", "P4", "P5"] as const;

/** A flat row of one indicator (CLI CSV; the same column names as the JSON object's keys where they exist). */
export function catalogCsvRow(def: IndicatorDef): Record<string, string> {
  const s = def.source;
  return {
    id: def.id,
    source: s.kind,
    section: s.kind === "annex" ? s.section : "",
    strategy: s.kind === "annex" ? s.strategy : "",
    number: s.kind === "annex" ? String(s.number) : "",
    letter: s.kind === "pasal7" ? s.letter : "",
    ayat: s.kind === "pasal6" ? String(s.ayat) : "",
    label: sourceLabel(s),
    activity: def.activity ?? "",
    text: def.text,
    target_kind: def.target.kind,
    target_value: def.target.value === null ? "" : String(def.target.value),
    target_original: def.target.original,
    direction: def.target.direction,
    per: def.target.per ?? "",
    year: def.year === null ? "" : String(def.year),
    urusan: def.urusan ?? "",
    responsible: def.responsible.join("; "),
    supporting: def.supporting.join("; "),
    measure: def.measure.mode === "computed" ? def.measure.computation : "entered",
    target_from: def.targetFrom ?? "",
  };
}
