import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBiff, rkValue } from "./read-biff";
import { allRows, SHEET_LIMITS } from "./sheet";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", name));

describe("BIFF8 .xls reader", () => {
  it("decodes RK numbers: integers, ×100 and the top 30 bits of a double ([MS-XLS] 2.5.217)", () => {
    expect(rkValue((42 << 2) | 0x02)).toBe(42);
    expect(rkValue((-7 << 2) | 0x02)).toBe(-7);
    expect(rkValue((1234 << 2) | 0x03)).toBe(12.34);
    // 1.5 as a double is 0x3FF8000000000000: its high 32 bits carry it whole.
    expect(rkValue(0x3ff80000)).toBe(1.5);
    expect(rkValue(0x3ff80000 | 0x01)).toBe(0.015);
  });

  it("reads a workbook whose string table runs over CONTINUE records, with wide characters and date cells", () => {
    // 1,500 distinct names with Turkish, Vietnamese and CJK letters (a string table of ~100 KB, so
    // CONTINUE records and 2-byte characters), ISO dates (date-formatted number cells), decimals, integers.
    const rows = allRows(readBiff(fixture("biff-dates-unicode.xls"), SHEET_LIMITS).rows);
    expect(rows).toHaveLength(1501);
    expect(rows[0]?.cells).toEqual(["Nama", "Tanggal", "Berat", "Jumlah"]);
    for (const i of [0, 1, 777, 1499]) {
      const row = rows[i + 1];
      if (!row) throw new Error(`row ${i + 2} missing`);
      expect(row.line).toBe(i + 2);
      expect(row.cells[0]).toBe(`Anak ${String(i).padStart(4, "0")} Şükrü Nguyễn 名前 ${"x".repeat(i % 40)}`);
      expect((row.cells[1] as Date).toISOString().slice(0, 10)).toBe(
        `2026-08-${String((i % 28) + 1).padStart(2, "0")}`,
      );
      expect(row.cells[2]).toBeCloseTo((i % 90) / 10 + 3, 10);
      expect(row.cells[3]).toBe(i);
    }
  });

  it("refuses a damaged file with a 400 naming the problem", () => {
    const bytes = Buffer.from(fixture("biff-dates-unicode.xls"));
    expect(() => readBiff(bytes.subarray(0, 600), SHEET_LIMITS)).toThrow(
      expect.objectContaining({ status: 400, code: "file_unreadable" }),
    );
  });
});
