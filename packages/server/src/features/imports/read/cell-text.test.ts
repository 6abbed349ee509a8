import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, htmlText, isJsSpace } from "./cell-text";

/** The rule as plain steps (what readHtml did before the one-pass scanner, issue 16). */
function plainRule(html: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  const tagless = html.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "");
  const decoded = tagless
    .replaceAll("&nbsp;", " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole: string, ref: string) => {
      if (ref[0] === "#") {
        const code =
          ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        if (!Number.isFinite(code) || code > 0x10ffff) return whole;
        return code === 0xa0 ? " " : String.fromCodePoint(code);
      }
      return named[ref.toLowerCase()] ?? whole;
    });
  return decoded.replace(/[\s\u00a0]+/g, " ").trim();
}

// Cells built from the pieces that matter: references (known, unknown, numeric, broken), white space of
// every kind, tags, and plain text.
const piece = fc.oneof(
  fc.constantFrom(
    "&nbsp;",
    "&NBSP;",
    "&amp;",
    "&lt;",
    "&Gt;",
    "&quot;",
    "&apos;",
    "&foo;",
    "&#39;",
    "&#x27;",
    "&#X41;",
    "&#160;",
    "&#xa0;",
    "&#9;",
    "&#x2003;",
    "&#8203;",
    "&#1114112;",
    "&#x110000;",
    "&#0;",
    "&#xD800;",
    "&#;",
    "&#x;",
    "&nbsp",
    "&",
    "&#",
    ";",
    "#",
    "x",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\ufeff",
    "\u200b",
    "<br>",
    "<BR/>",
    "<br />",
    "<b>",
    "</b>",
    "<",
    ">",
    "<span title='&nbsp;'>",
  ),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: "grapheme", maxLength: 3 }),
  fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
);
const cell = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(""));

describe("cellText (an HTML cell's text in one pass)", () => {
  it("gives what the plain steps give, for any cell", () => {
    fc.assert(
      fc.property(cell, (c) => {
        expect(htmlText(c)).toBe(plainRule(c));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads only its own part of the file's text", () => {
    fc.assert(
      fc.property(cell, cell, cell, (before, c, after) => {
        // The reader cuts a cell at the "<" of the tag that ends it.
        const text = `${before}<td>${c}<${after}`;
        const start = before.length + 4;
        const end = start + c.length;
        // Only a cell holding no "<" of its own is cut where it ends (the reader's case).
        fc.pre(!c.includes("<"));
        expect(cellText(text, start, end)).toBe(plainRule(c));
      }),
      { numRuns: 5_000 },
    );
  });

  it("gives back the text of the cell above only when this one reads the same", () => {
    const above = (c: string) =>
      fc.oneof(
        fc.constant(plainRule(c)),
        fc.constant(plainRule(c).replace(" ", "\u00a0")),
        fc.constant(`${plainRule(c)} `),
        fc.constant(plainRule(c).slice(1)),
        cell.map(plainRule),
      );
    fc.assert(
      fc.property(
        cell.chain((c) => fc.tuple(fc.constant(c), above(c))),
        ([c, a]) => {
          const text = `<td>${a}<td>${c}<`;
          fc.pre(!c.includes("<"));
          const got = cellText(text, text.length - 1 - c.length, text.length - 1, a);
          expect(got).toBe(plainRule(c));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("turns the forms SIGIZI writes into text a person reads", () => {
    expect(htmlText("Siti&nbsp;Aminah")).toBe("Siti Aminah");
    expect(htmlText("  Jl.<br/>Mawar\n\t 3 ")).toBe("Jl. Mawar 3");
    expect(htmlText("A &amp; B &#39;C&#x27;")).toBe("A & B 'C'");
    expect(htmlText("&lt;br&gt;")).toBe("<br>");
    expect(htmlText("&am<b>p;")).toBe("&");
    expect(htmlText("&nbsp;&nbsp;")).toBe("");
  });

  it("knows JavaScript's white space", () => {
    for (let c = 0; c <= 0xffff; c++)
      expect(isJsSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });
});
