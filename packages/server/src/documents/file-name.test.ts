import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downloadName, placeTitle, slug } from "./file-name";
import { words } from "./words";

describe("download file names", () => {
  it("name the place and the period in words, in the user's language", () => {
    const skdn = { what: "skdn", place: { kind: "desa", name: "Sandeley" }, period: "2026-11", ext: "xlsx" };
    expect(downloadName("id", skdn)).toBe("skdn-desa-sandeley-november-2026.xlsx");
    expect(downloadName("en", { ...skdn, period: "2026-Q3" })).toBe(
      "skdn-desa-sandeley-quarter-iii-2026.xlsx",
    );
    expect(
      downloadName("id", {
        what: words("surat-catin", "bride-groom-certificate"),
        who: "Nur'aini Ṣalèḥ",
        date: "2026-06-29",
        ext: "pdf",
      }),
    ).toBe("surat-catin-nur-aini-saleh-29-juni-2026.pdf");
  });

  it("do not repeat a kind the name already carries", () => {
    expect(placeTitle("posyandu", "Posyandu Melati")).toBe("Posyandu Melati");
    expect(placeTitle("kab", "Kabupaten Paser")).toBe("Kabupaten Paser");
    expect(placeTitle("kecamatan", "Kuaro")).toBe("Kecamatan Kuaro");
  });

  it("are plain ASCII slugs whatever the names hold (no quote can break the header)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (what, name) => {
        const n = downloadName("id", { what, place: { kind: "desa", name }, ext: "csv" });
        expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.csv$/);
        expect(slug(name).length).toBeLessThanOrEqual(60);
      }),
    );
  });
});
