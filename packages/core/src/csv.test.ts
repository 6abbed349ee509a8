import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted names with commas, as in the Kemendagri list", () => {
    const rows = parseCsv('code,name\n12.07.28.1007,"Lubuk Pakam I,II"\r\n14.02,"Say ""hi"""\n');
    expect(rows).toEqual([
      { line: 1, fields: ["code", "name"] },
      { line: 2, fields: ["12.07.28.1007", "Lubuk Pakam I,II"] },
      { line: 3, fields: ["14.02", 'Say "hi"'] },
    ]);
  });

  it("keeps line numbers right across blank lines and quoted line breaks", () => {
    const rows = parseCsv('\uFEFFa,b\n\n"x\ny",2\nlast,3');
    expect(rows.map((r) => r.line)).toEqual([1, 3, 5]);
    expect(rows[1]?.fields).toEqual(["x\ny", "2"]);
  });

  it("round-trips any table written with quoting", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", " ", "é") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (table) => {
          const text = table.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n");
          expect(parseCsv(text).map((r) => r.fields)).toEqual(table);
        },
      ),
    );
  });
});
