import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readHtml, tagAt } from "./read-html";
import { allRows, SHEET_LIMITS } from "./sheet";

const read = (html: string) => allRows(readHtml(Buffer.from(html, "utf8"), SHEET_LIMITS).rows);

describe("readHtml (an HTML table named .xls)", () => {
  it("reads rows and cells whatever the case, attributes and line breaks inside tags", () => {
    const rows = read(
      `<HTML><Table border=1>\n<THEAD><TR><TH class="h">No</TH><Th>Nama</Th></TR></THEAD>\n<TBODY><tr\n class="r"><td\nalign="right">1</TD><td style="x">Siti</td></tr></TBODY></TABLE>`,
    );
    expect(rows).toEqual([
      { line: 1, cells: ["No", "Nama"] },
      { line: 2, cells: ["1", "Siti"] },
    ]);
  });

  it("keeps a colspan as that many cells, and tags that only start like tr/td/th/table are not cells", () => {
    const rows = read(
      `<table><tr><td colspan="3">DAFTAR ANAK</td></tr><tr><td>a</td><td COLSPAN=2>b</td><td>c<tdx>d</tdx></td><track><thx></tr><tablex></table>`,
    );
    expect(rows).toEqual([
      { line: 1, cells: ["DAFTAR ANAK", "", ""] },
      { line: 2, cells: ["a", "b", "", "cd"] },
    ]);
  });

  it("makes <br>, &nbsp; and runs of white space one space, trims, decodes entities, drops comments", () => {
    const rows = read(
      `<table><!-- <tr><td>hidden</td></tr> --><tr><td>  Siti&nbsp;&nbsp;Aminah </td><td>Jl.<br/>Mawar\n\t 3</td><td>A &amp; B &#39;C&#x27;</td><td>\u00a0x\u2003y</td><td>plain text</td></tr></table>`,
    );
    expect(rows).toEqual([
      { line: 1, cells: ["Siti Aminah", "Jl. Mawar 3", "A & B 'C'", "x y", "plain text"] },
    ]);
  });

  it("closes cells and rows the file leaves open, as browsers do", () => {
    const rows = read(`<table><tr><td>1<td>Budi<tr><td>2<td>Citra</table>`);
    expect(rows).toEqual([
      { line: 1, cells: ["1", "Budi"] },
      { line: 2, cells: ["2", "Citra"] },
    ]);
  });

  it("tells the table's tags by their whole name, in any case, as a pattern would", () => {
    const rule = (text: string) => {
      const m = /^(tr|td|th|table)(?![A-Za-z0-9_])/i.exec(text);
      return m ? ["tr", "td", "th", "table"].indexOf((m[1] as string).toLowerCase()) : -1;
    };
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("t", "T", "r", "d", "h", "a", "b", "l", "e", "E", "x", " ", ">", "_", "1"),
        }),
        (text) => {
          expect(tagAt(text, 0)).toBe(rule(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
