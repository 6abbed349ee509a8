import { describe, expect, it } from "vitest";
import { pdfPageCount, pdfText } from "../testing/pdf";
import { renderPdf } from "./pdf";

describe("renderPdf", () => {
  it("writes a PDF whose text a reader can extract, Indonesian letters included", async () => {
    const pdf = await renderPdf({
      content: [
        { text: "Berita Acara Rembuk Stunting", bold: true },
        {
          table: {
            body: [
              ["Desa", "Sasaran"],
              ["Sandeley", "12"],
            ],
          },
        },
        "Pemenuhan layanan — 85,5 %",
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Berita Acara Rembuk Stunting");
    expect(text).toMatch(/Sandeley\s+12/);
    expect(text).toContain("Pemenuhan layanan — 85,5 %");
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it("refuses to read images from URLs named in a document", async () => {
    await expect(
      renderPdf({ content: [{ image: "https://example.invalid/x.png", width: 10 }] }),
    ).rejects.toThrow();
  });
});
