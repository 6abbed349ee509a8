import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvReader, type CsvRecord, parseCsv, safeCell, toCsv } from "./csv";

/** The rule in plain steps, a character at a time (what parseCsv did before it read runs, issue 16). */
function plainCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let started = false;
  let line = 1;
  let recordLine = 1;
  const end = () => {
    fields.push(field);
    if (!(fields.length === 1 && field === "" && !started)) out.push({ line: recordLine, fields });
    fields = [];
    field = "";
    started = false;
  };
  for (let i = text.startsWith("\ufeff") ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "" && isFieldStart(text, i)) {
      quoted = true;
      started = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      started = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      end();
      line++;
      recordLine = line;
    } else {
      field += ch;
      started = true;
    }
  }
  if (field !== "" || fields.length > 0 || started) end();
  return out;
}

/** A quote opens a quoted field only as the field's first character. */
function isFieldStart(text: string, i: number): boolean {
  const before = text[i - 1];
  return (
    i === 0 || before === "," || before === "\n" || before === "\r" || before === "\ufeff" || before === '"'
  );
}

describe("parseCsv", () => {
  it("reads any text as the plain rule does, a record at a time or all at once", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\r", "\n", " "), maxLength: 60 });
    fc.assert(
      fc.property(fc.boolean(), text, (bom, body) => {
        const t = (bom ? "\ufeff" : "") + body;
        const reader = new CsvReader(t);
        const one: CsvRecord[] = [];
        for (let r = reader.next(); r !== null; r = reader.next()) one.push(r);
        expect(reader.fraction).toBe(1);
        expect(one).toEqual(plainCsv(t));
        expect(parseCsv(t)).toEqual(one);
      }),
      { numRuns: 2000 },
    );
  });

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

describe("toCsv", () => {
  it("reads a column repeating its value (or the start of it) down the rows right", () => {
    // Few values, many alike or one the start of another, as the columns of an export are.
    const cell = fc.constantFrom("", "a", "ab", "abc", "b", "a,b", 'a"', " a");
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const read = parseCsv(toCsv(rows)).map((r) => r.fields);
          const kept = rows.filter((r) => !r.every((c) => c === ""));
          expect(read.filter((r) => !r.every((c) => c === ""))).toEqual(kept);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("quotes only the fields that need it and ends every record with CRLF", () => {
    expect(
      toCsv([
        ["kode", "nama", "persen"],
        ["64.01.05", "Kuaro, Desa", 12.5],
        ["x", 'Say "hi"', null],
        ["a;b", "line\nbreak", "cr\rhere"],
      ]),
    ).toBe(
      'kode,nama,persen\r\n64.01.05,"Kuaro, Desa",12.5\r\nx,"Say ""hi""",\r\n"a;b","line\nbreak","cr\rhere"\r\n',
    );
  });

  it("writes a row of one empty field so that it is read back (an empty line is no row)", () => {
    expect(toCsv([["a"], [""], [null]])).toBe('a\r\n""\r\n""\r\n');
    expect(parseCsv(toCsv([["a"], [""]])).map((r) => r.fields)).toEqual([["a"], [""]]);
  });

  it("gives back any rows of strings through parseCsv", () => {
    const cell = fc.string({
      unit: fc.oneof(
        fc.constantFrom(",", '"', "\r", "\n", ";", " ", "\ufeff"),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
      ),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows)).map((r) => r.fields)).toEqual(rows.map((r) => r.map(safeCell)));
      }),
    );
  });
});

describe("formula injection", () => {
  it("writes text a spreadsheet would run as a formula with a leading apostrophe", () => {
    const csv = toCsv([
      ['=HYPERLINK("http://x","klik")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "Dusun Melati"],
    ]);
    const [row] = parseCsv(csv);
    expect(row?.fields).toEqual([
      '\'=HYPERLINK("http://x","klik")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      "Dusun Melati",
    ]);
  });

  it("leaves numbers alone: a negative z-score stays a number, a plain number written as text stays too", () => {
    expect(toCsv([[-2.5, "-1.5", "+62", 0]])).toBe("-2.5,-1.5,+62,0\r\n");
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(null)).toBe(null);
  });

  it("no written field starts with a formula character (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "a", "1", ",", '"') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        for (const r of parseCsv(toCsv(rows))) {
          for (const f of r.fields)
            expect(/^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+([.,]\d+)?$/.test(f)).toBe(false);
        }
      }),
    );
  });
});
