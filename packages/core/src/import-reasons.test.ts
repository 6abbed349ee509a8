import { describe, expect, it } from "vitest";
import { IMPORT_REASON_TEXT, IMPORT_REASONS, importReasonText } from "./import-reasons";

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("import reasons", () => {
  it("every code is said in Indonesian and English, naming the same values", () => {
    expect(IMPORT_REASONS.length).toBeGreaterThan(20);
    for (const code of IMPORT_REASONS) {
      const id = IMPORT_REASON_TEXT.id[code];
      const en = IMPORT_REASON_TEXT.en[code];
      expect(id.trim(), code).not.toBe("");
      expect(en.trim(), code).not.toBe("");
      expect(placeholders(id), code).toEqual(placeholders(en));
    }
    expect(Object.keys(IMPORT_REASON_TEXT.en).sort()).toEqual([...IMPORT_REASONS].sort());
  });

  it("fills the values in, Indonesian first", () => {
    expect(importReasonText({ code: "duplicate_row", params: { line: 2 } })).toBe(
      "Sama dengan baris 2 (anak yang sama, hari yang sama).",
    );
    expect(
      importReasonText({ code: "unknown_desa", params: { name: "ATLANTIS", kecamatan: "Kuaro" } }, "en"),
    ).toBe('No desa/kelurahan "ATLANTIS" in Kecamatan Kuaro.');
  });
});
