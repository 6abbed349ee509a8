/**
 * The text of an HTML table cell as a person reads it: `<br>` and runs of white space become one space, the
 * text is trimmed, other tags go, character references are decoded (`&nbsp;` is a space).
 *
 * The rule, in plain steps (cell-text.test.ts holds the scanner below equal to them):
 *   1. `<br>` → " ", then any other `<…>` → "";
 *   2. references `&(#x[0-9a-f]+|#\d+|[a-z]+);` (any case) decoded, left to right, never re-read;
 *   3. runs of white space (JavaScript's \s) → " ", then trimmed.
 * Steps 2 and 3 are one pass over the file's text where the cell stands, with no copy of the cell first: a
 * 30k-row SIGIZI export has 660k cells, and holding them is most of the time reading takes (the garbage
 * collector copies and marks every string), so a cell's text is made with as few strings as it can be —
 * none when it reads as the cell above it (issue 16).
 */

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  // A non-breaking space is a space in a name or an address ("Siti&nbsp;Aminah").
  nbsp: " ",
};

/** What the reference `whole` (`&` + ref + `;`) stands for; itself when it names nothing known. */
function decodeReference(whole: string, ref: string): string {
  if (ref[0] === "#") {
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!Number.isFinite(code) || code > 0x10ffff) return whole;
    return code === 0xa0 ? " " : String.fromCodePoint(code);
  }
  return NAMED[ref.toLowerCase()] ?? whole;
}

const AMP = 0x26;
const HASH = 0x23;
const SEMI = 0x3b;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;
const isHexDigit = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);

/** JavaScript's white space (what \s matches and trim() removes), by UTF-16 code unit. */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where the reference starting with the `&` at `amp` ends (the index of its `;`), or -1 when the text there
 * is no reference: `&#x` hex digits, `&#` decimal digits, or `&` letters, then `;`, all before `end`.
 */
function referenceEnd(s: string, amp: number, end: number): number {
  let j = amp + 1;
  let from: number;
  if (s.charCodeAt(j) === HASH) {
    j++;
    if ((s.charCodeAt(j) | 0x20) === 0x78) {
      from = ++j;
      while (j < end && isHexDigit(s.charCodeAt(j))) j++;
    } else {
      from = j;
      while (j < end && isDigit(s.charCodeAt(j))) j++;
    }
  } else {
    from = j;
    while (j < end && isLetter(s.charCodeAt(j))) j++;
  }
  return j > from && j < end && s.charCodeAt(j) === SEMI ? j : -1;
}

/** Whether `s` holds "nbsp;" at `at` (lower case, as exports write it: most references of a file). */
const isNbsp = (s: string, at: number) =>
  s.charCodeAt(at) === 110 &&
  s.charCodeAt(at + 1) === 98 &&
  s.charCodeAt(at + 2) === 115 &&
  s.charCodeAt(at + 3) === 112 &&
  s.charCodeAt(at + 4) === SEMI;

/** `text` added after `out`, one space between them when white space came between (never a leading one). */
const joined = (out: string, space: boolean, text: string) =>
  space && out !== "" ? `${out} ${text}` : out + text;

/**
 * Steps 2 and 3 on s[start, end): `<` is a plain character here. A piece of text is added only once the
 * white space before it is known, so leading and trailing white space never gets in. No closures: this runs
 * for every cell (the TypeScript runner names each closure as it is made).
 */
function decodedText(s: string, start: number, end: number): string {
  let out = "";
  let run = start; // s[run, i) are plain characters not yet added
  let space = false; // white space since the last character added
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isJsSpace(c)) {
      if (i > run) out = joined(out, space, s.slice(run, i));
      space = true;
      run = i + 1;
    } else if (c === AMP) {
      const semi = referenceEnd(s, i, end);
      if (semi < 0) continue;
      const decoded = isNbsp(s, i + 1) ? " " : decodeReference(s.slice(i, semi + 1), s.slice(i + 1, semi));
      if (i > run) {
        out = joined(out, space, s.slice(run, i));
        space = false;
      }
      // A reference that names nothing stays as written; one that decodes to white space is white space.
      if (decoded.length === 1 && isJsSpace(decoded.charCodeAt(0))) space = true;
      else {
        out = joined(out, space, decoded);
        space = false;
      }
      i = semi;
      run = semi + 1;
    }
  }
  // Nothing decoded and no white space: the cell is its text as it stands.
  if (run === start) return s.slice(start, end);
  return end > run ? joined(out, space, s.slice(run, end)) : out;
}

const SPACE = 0x20;

/**
 * Most cells need no building: their text stands as written but for each `&nbsp;` becoming a space, and no
 * white space leads, trails or doubles. Then the text is its slices joined by spaces, not built a piece per
 * space or reference — fewer strings for the garbage collector, the larger part of reading a big file.
 * Anything else (another reference, another kind of white space, a space at either end or next to another)
 * is left to decodedText. The number of &nbsp; in such a cell, or -1 for another cell.
 */
function simpleCell(s: string, start: number, end: number): number {
  let gap = true; // the last character was a space (the cell's start counts as one: no leading space)
  let nbsp = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE) {
      if (gap) return -1;
      gap = true;
    } else if (c === AMP) {
      if (gap || i + 5 >= end || !isNbsp(s, i + 1)) return -1;
      gap = true;
      nbsp++;
      i += 5;
    } else if (isJsSpace(c)) return -1;
    else gap = false;
  }
  return gap && end > start ? -1 : nbsp;
}

/** html[start, end), which holds `count` "&nbsp;", with each a space (the cell not copied out first). */
function nbspAsSpace(html: string, start: number, end: number, count: number): string {
  let out = "";
  let run = start;
  for (let k = 0; k < count; k++) {
    const at = html.indexOf("&nbsp;", run);
    out += `${html.slice(run, at)} `;
    run = at + 6;
  }
  return out + html.slice(run, end);
}

/**
 * Whether the text of a simple cell html[start, end) holding `nbsp` &nbsp; (every "&" in it starts one) is
 * `text`, compared where it stands: nothing is made to compare.
 */
function sameText(text: string, html: string, start: number, end: number, nbsp: number): boolean {
  if (text.length !== end - start - 5 * nbsp) return false;
  if (nbsp === 0) return html.startsWith(text, start);
  for (let i = start, j = 0; i < end; i++, j++) {
    const c = html.charCodeAt(i);
    if (c === AMP) {
      if (text.charCodeAt(j) !== SPACE) return false;
      i += 5;
    } else if (c !== text.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * The text of the cell html[start, end) (see the rule above). `above`: the text of the cell above it, given
 * back when this one reads the same. An export repeats a column's value down many rows (the province, the
 * puskesmas, the desa of a posyandu's children): one string for all of them, not one per row, leaves the
 * garbage collector less to copy and mark while the file is held — most of the time reading takes.
 */
export function cellText(html: string, start: number, end: number, above?: string): string {
  const lt = html.indexOf("<", start);
  if (lt < 0 || lt >= end) {
    const simple = simpleCell(html, start, end);
    if (simple >= 0 && above !== undefined && above !== "" && sameText(above, html, start, end, simple)) {
      return above;
    }
    if (simple === 0) return html.slice(start, end);
    if (simple > 0) return nbspAsSpace(html, start, end, simple);
    return decodedText(html, start, end);
  }
  // A tag inside the cell (a <br> in an address): step 1 as written, then the rest in one pass.
  const s = html
    .slice(start, end)
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "");
  return decodedText(s, 0, s.length);
}

/** The text of one cell's HTML held as a string (the tests hold the rule with it). */
export const htmlText = (s: string) => cellText(s, 0, s.length);
