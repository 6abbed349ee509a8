import { describe, expect, it } from "vitest";
import { checkUpload } from "../upload-check";
import { readXlsx } from "./read-xlsx";
import { allRows, SHEET_LIMITS } from "./sheet";
import { xlsx, xlsxBomb } from "./zip-fixtures";

describe("XLSX reader", () => {
  it("reads shared and inline strings, numbers and entities, cells at their columns", async () => {
    const sheet = await readXlsx(
      xlsx(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Siti &amp; Ani</t></is></c></row>` +
          `<row r="3"><c r="B3"><v>9.1</v></c><c r="C3" t="str"><v>x</v></c></row>`,
        ["Nama"],
      ),
      SHEET_LIMITS,
    );
    expect(allRows(sheet.rows)).toEqual([
      { line: 1, cells: ["Nama", undefined, "Siti & Ani"] },
      { line: 3, cells: [undefined, 9.1, "x"] },
    ]);
  });

  it("a malformed cell is a 400 naming its row and cell, never a 500", async () => {
    await expect(
      readXlsx(xlsx(`<row r="2"><c r="B2"><v>tujuh</v></c></row>`), SHEET_LIMITS),
    ).rejects.toMatchObject({
      status: 400,
      code: "file_unreadable",
      message: expect.stringMatching(/row 2, cell B2/),
    });
    await expect(
      readXlsx(xlsx(`<row r="4"><c r="D4" t="s"><v>12</v></c></row>`, ["a"]), SHEET_LIMITS),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/row 4, cell D4/) });
    await expect(readXlsx(Buffer.from("PK\x03\x04 not really a zip"), SHEET_LIMITS)).rejects.toMatchObject({
      status: 400,
      code: "file_unreadable",
    });
  });

  it("an XLSX that unpacks to 1.5 GB is stopped at the limit while unpacking, in bounded memory", async () => {
    const bomb = xlsxBomb(1500, false);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    let peak = 0;
    const base = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss - base);
    }, 20);
    await expect(readXlsx(bomb, SHEET_LIMITS)).rejects.toMatchObject({
      status: 413,
      code: "file_too_large",
      message: expect.stringMatching(/unpacks to more than 200 MB/),
    });
    clearInterval(timer);
    // The stated ceiling: reading a bomb never adds more than 400 MB to the process.
    expect(peak).toBeLessThan(400 * 1024 * 1024);
  }, 60_000);

  it("an XLSX whose directory declares 1.5 GB is refused before any job is queued", () => {
    expect(() => checkUpload(xlsxBomb(1500, true))).toThrow(expect.objectContaining({ status: 413 }));
  });
});
