import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

export type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);
type PdfMake = typeof import("pdfmake");

let instance: PdfMake | null = null;

/**
 * pdfmake configured once: Roboto (shipped inside the pdfmake package, Apache-2.0) embedded in every
 * document, so Indonesian text prints the same everywhere; no URL and no file outside the font folder
 * may be read while rendering (a document definition is built from user data).
 */
function pdfmake(): PdfMake {
  if (instance) return instance;
  const pm = require("pdfmake") as PdfMake & {
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
  };
  const fontDir = join(dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  pm.setFonts({
    Roboto: {
      normal: join(fontDir, "Roboto-Regular.ttf"),
      bold: join(fontDir, "Roboto-Medium.ttf"),
      italics: join(fontDir, "Roboto-Italic.ttf"),
      bolditalics: join(fontDir, "Roboto-MediumItalic.ttf"),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  instance = pm;
  return pm;
}

/** Renders a pdfmake document definition to PDF bytes (A4, Roboto, 10 pt unless the document says otherwise). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 48],
    ...doc,
    defaultStyle: { font: "Roboto", fontSize: 10, ...doc.defaultStyle },
  };
  const out = await pdfmake().createPdf(definition).getBuffer();
  return Buffer.from(out);
}
