import type { CsvRecord } from "./csv";
import { type Kind, kindOfOfficialCode, type Level, levelOfCode, parentCode, type Region } from "./regions";

export interface RowError {
  line: number;
  column: string | null;
  reason: string;
}

const REQUIRED = ["code", "name", "level", "kind", "parent_code"] as const;

/**
 * Check rows of a Kemendagri region file (the columns of data/regions: code, name, level, kind,
 * parent_code). A row is accepted when its code is well-formed, level and kind agree with the code, and its
 * parent exists already (`isKnown`) or was accepted earlier in the file. Every other row is reported with
 * its line and reason; nothing is "fixed".
 */
export function checkRegionRows(
  records: readonly CsvRecord[],
  isKnown: (code: string) => boolean,
): { regions: Region[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const [header, ...rows] = records;
  if (!header) return { regions: [], errors: [{ line: 1, column: null, reason: "empty file" }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const idx: Record<string, number> = {};
  for (const col of REQUIRED) {
    const i = names.indexOf(col);
    if (i < 0) errors.push({ line: header.line, column: col, reason: `missing column "${col}"` });
    idx[col] = i;
  }
  if (errors.length > 0) return { regions: [], errors };

  const accepted = new Set<string>();
  const regions: Region[] = [];
  for (const row of rows) {
    const get = (col: (typeof REQUIRED)[number]) => (row.fields[idx[col] ?? -1] ?? "").trim();
    const fail = (column: string | null, reason: string) => errors.push({ line: row.line, column, reason });
    const code = get("code");
    const name = get("name");
    const level = levelOfCode(code);
    if (level === null || level === "dusun" || level === "posyandu") {
      fail("code", `"${code}" is not a Kemendagri region code`);
      continue;
    }
    if (name === "") {
      fail("name", "name is empty");
      continue;
    }
    if (get("level") !== level) {
      fail("level", `level "${get("level")}" does not match code ${code} (${level})`);
      continue;
    }
    const kind = kindOfOfficialCode(code) as Kind;
    if (get("kind") !== kind) {
      fail("kind", `kind "${get("kind")}" does not match code ${code} (${kind})`);
      continue;
    }
    const parent = parentCode(code);
    if ((get("parent_code") || null) !== parent) {
      fail("parent_code", `parent_code "${get("parent_code")}" is not the parent of ${code}`);
      continue;
    }
    if (parent !== null && !accepted.has(parent) && !isKnown(parent)) {
      fail("parent_code", `parent region ${parent} is neither known nor in the file before this row`);
      continue;
    }
    if (accepted.has(code)) {
      fail("code", `duplicate code ${code}`);
      continue;
    }
    accepted.add(code);
    regions.push({ code, name, level: level as Level, kind, parentCode: parent });
  }
  return { regions, errors };
}
