import { z } from "zod";
import { levelOfCode } from "../regions";
import { CELL_KEYS, type CellKey, COUNT_NAMES } from "./breakdown";

/**
 * How Tumbuh's counts become DHIS2 data values: a file the regency's DHIS2 administrator writes once.
 * - `idScheme`: whether the identifiers below are DHIS2 uids or codes (DHIS2 Web API, "Identifier
 *   schemes": uid is the default of JSON/CSV, code of ADX; both are sent explicitly on push).
 * - `orgUnits`: Kemendagri region code → org unit (a regency, kecamatan, desa or posyandu code of Tumbuh).
 * - `dataElements`: per entry one of Tumbuh's counts (numerators AND denominators — never a percentage:
 *   DHIS2 computes indicators from counts) and the category option combo of each sex × age band cell it
 *   fills, or "total" for the sum over all cells.
 * Shipped example: data/dhis2/mapping-example.json.
 */
const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;
const Identifier = z.string().trim().min(1).max(230);
const CellOrTotal = z.enum(["total", ...CELL_KEYS] as unknown as readonly ["total", ...CellKey[]]);

export const Dhis2MappingSchema = z.strictObject({
  idScheme: z.enum(["UID", "CODE"]).default("UID"),
  /** The data set the values belong to (required by ADX, optional for JSON/CSV). */
  dataSet: Identifier.optional(),
  /** Attribute option combo; left out = DHIS2's default. */
  attributeOptionCombo: Identifier.optional(),
  orgUnits: z.record(z.string(), Identifier),
  dataElements: z
    .array(
      z.strictObject({
        count: z.enum(COUNT_NAMES),
        dataElement: Identifier,
        categoryOptionCombos: z.partialRecord(CellOrTotal, Identifier),
      }),
    )
    .min(1)
    .max(500),
});
export type Dhis2Mapping = z.infer<typeof Dhis2MappingSchema>;

export type MappingResult = { ok: true; mapping: Dhis2Mapping } | { ok: false; errors: string[] };

/** Checks a mapping (parsed JSON); every error names the entry and field it is about. */
export function parseDhis2Mapping(json: unknown): MappingResult {
  const parsed = Dhis2MappingSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${describePath(json, i.path)}: ${i.message}`),
    };
  }
  const m = parsed.data;
  const errors: string[] = [];
  const checkId = (where: string, id: string) => {
    if (m.idScheme === "UID" && !UID.test(id))
      errors.push(`${where}: "${id}" is not a DHIS2 uid (11 letters or digits, starting with a letter)`);
  };
  if (m.dataSet) checkId("dataSet", m.dataSet);
  if (m.attributeOptionCombo) checkId("attributeOptionCombo", m.attributeOptionCombo);
  const codes = Object.keys(m.orgUnits);
  if (codes.length === 0) errors.push("orgUnits: map at least one region code to an org unit");
  for (const [code, id] of Object.entries(m.orgUnits)) {
    if (!levelOfCode(code)) errors.push(`orgUnits["${code}"]: not a Kemendagri region code (e.g. 64.01.05)`);
    checkId(`orgUnits["${code}"]`, id);
  }
  const seen = new Map<string, string>();
  m.dataElements.forEach((e, n) => {
    const where = `dataElements[${n}] (${e.count})`;
    checkId(`${where}.dataElement`, e.dataElement);
    const keys = Object.keys(e.categoryOptionCombos);
    if (keys.length === 0) errors.push(`${where}.categoryOptionCombos: name at least one cell or "total"`);
    if (keys.includes("total") && keys.length > 1)
      errors.push(`${where}.categoryOptionCombos: "total" already holds every cell; map it alone`);
    for (const [cell, coc] of Object.entries(e.categoryOptionCombos)) {
      checkId(`${where}.categoryOptionCombos["${cell}"]`, coc);
      const key = `${e.dataElement}|${coc}`;
      const before = seen.get(key);
      if (before) errors.push(`${where}.categoryOptionCombos["${cell}"]: same data value as ${before}`);
      else seen.set(key, `${where}["${cell}"]`);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, mapping: m };
}

/** `dataElements[2] (tbu_severe).categoryOptionCombos["male:0-5"]` rather than a bare path. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  let out = "";
  let node: unknown = json;
  for (const key of path) {
    if (typeof key === "number") {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const count = (node as { count?: unknown } | undefined)?.count;
      if (typeof count === "string") out += ` (${count})`;
    } else {
      const k = String(key);
      out += /^[A-Za-z_]\w*$/.test(k) ? `${out ? "." : ""}${k}` : `["${k}"]`;
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined;
    }
  }
  return out || "(file)";
}
