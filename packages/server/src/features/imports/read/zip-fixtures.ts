// Test helpers: small XLSX files written byte by byte, including damaged ones and ZIP bombs.
import { constants, deflateRawSync } from "node:zlib";

export interface Part {
  name: string;
  /** Raw DEFLATE data (method 8) of the part. */
  deflated: Buffer;
  /** What the ZIP directory claims the part unpacks to (a bomb may lie). */
  declaredSize: number;
}

export const part = (name: string, xml: string): Part => ({
  name,
  deflated: deflateRawSync(Buffer.from(xml)),
  declaredSize: Buffer.byteLength(xml),
});

/** A ZIP of the parts (PKWARE APPNOTE 4.3: local headers, central directory, end record; CRCs left 0). */
export function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WORKBOOK = `<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A one-sheet workbook with the given <sheetData> rows and shared strings. */
export function xlsx(rowsXml: string, strings: readonly string[] = []): Buffer {
  return zip([
    part("xl/workbook.xml", WORKBOOK),
    part("xl/_rels/workbook.xml.rels", RELS),
    part(
      "xl/sharedStrings.xml",
      `<sst count="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
    ),
    part("xl/worksheets/sheet1.xml", `<worksheet><sheetData>${rowsXml}</sheetData></worksheet>`),
  ]);
}

/**
 * An XLSX whose sheet unpacks to `unpackedMb` MB from a file of a few MB: one 1 MB block of rows deflated
 * once with a full flush (so it stands alone) and repeated. `honest` declares the real size in the ZIP
 * directory; otherwise it claims 1 KB.
 */
export function xlsxBomb(unpackedMb: number, honest: boolean): Buffer {
  // Rows with a long attribute and one small cell: bytes, not cells, are what run out.
  const row = `<row r="9" spans="1:1" x="${"a".repeat(4000)}"><c r="A9"><v>1</v></c></row>`;
  const block = row.repeat(Math.ceil((1024 * 1024) / row.length));
  const head = deflateRawSync(Buffer.from("<worksheet><sheetData>"), { finishFlush: constants.Z_FULL_FLUSH });
  const body = deflateRawSync(Buffer.from(block), { finishFlush: constants.Z_FULL_FLUSH });
  const tail = deflateRawSync(Buffer.from("</sheetData></worksheet>"));
  const sheet = Buffer.concat([head, ...Array.from({ length: unpackedMb }, () => body), tail]);
  return zip([
    part("xl/workbook.xml", WORKBOOK),
    part("xl/_rels/workbook.xml.rels", RELS),
    {
      name: "xl/worksheets/sheet1.xml",
      deflated: sheet,
      declaredSize: honest ? Math.min(unpackedMb * block.length, 0xffffffff) : 1024,
    },
  ]);
}
