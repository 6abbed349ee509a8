import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlausibleDate } from "./dates";
import { isPlaceholder, mapHeaders, placeKey, readDate, readEppgbmRow, readNumber } from "./eppgbm";

const HEADER = [
  "NIK",
  "Nama",
  "JK",
  "Tgl Lahir",
  "BB Lahir",
  "TB Lahir",
  "Nama Ortu",
  "Prov",
  "Kab/Kota",
  "Kec",
  "Puskesmas",
  "Desa/Kel",
  "Posyandu",
  "RT",
  "RW",
  "Alamat",
  "Usia Saat Ukur",
  "Tanggal Pengukuran",
  "Berat",
  "Tinggi",
  "Cara Ukur",
  "LiLA",
];

describe("e-PPGBM rows", () => {
  const map = mapHeaders(HEADER);

  it("maps headers regardless of case, spacing and punctuation", () => {
    expect(map.missing).toEqual([]);
    expect(
      mapHeaders(["  nama anak", "JENIS KELAMIN", "tanggal lahir", "DESA", "kecamatan", "TGL UKUR"]).missing,
    ).toEqual([]);
    expect(mapHeaders(["Nama", "JK"]).missing).toEqual(["tglLahir", "desaKel", "kec", "tanggalPengukuran"]);
  });

  it("reads a date text exactly as the two patterns say (the padded forms take a shortcut)", () => {
    // The patterns alone, as readDate decided every text before its shortcut.
    const byPatterns = (t: string) => {
      let iso: string | null = null;
      let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
      if (m) iso = `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}`;
      m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
      if (m) iso = `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
      return iso !== null && isPlausibleDate(iso) ? iso : "invalid";
    };
    const ch = fc.constantFrom(..."0123456789/.-: a٣".split(""));
    const text = fc.oneof(
      fc.array(ch, { minLength: 1, maxLength: 12 }).map((cs) => cs.join("")),
      fc
        .date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2030, 0, 1)),
          noInvalidDate: true,
        })
        .chain((d) => {
          const [y, mo, da] = d.toISOString().slice(0, 10).split("-") as [string, string, string];
          return fc.constantFrom(
            `${y}-${mo}-${da}`,
            `${da}/${mo}/${y}`,
            `${da}.${mo}-${y}`,
            `${da}-${mo}-${y}`,
            `${y}/${mo}/${da}`,
          );
        }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(readDate(t)).toBe(t.trim() === "" ? null : byPatterns(t.trim()));
      }),
      { numRuns: 3000 },
    );
  });

  it("tells a placeholder text exactly as its pattern does (most cells without it)", () => {
    const ch = fc.constantFrom(..."9-.,0 a".split(""));
    const text = fc.oneof(
      fc.array(ch, { maxLength: 8 }).map((cs) => cs.join("")),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(isPlaceholder(t)).toBe(/^-?9{3,}([.,]9+)?$/.test(t.trim()));
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads dates in the forms exports use", () => {
    expect(readDate("07/03/2023")).toBe("2023-03-07");
    expect(readDate("7-3-2023")).toBe("2023-03-07");
    expect(readDate("2023-03-07")).toBe("2023-03-07");
    expect(readDate(new Date(Date.UTC(2023, 2, 7)))).toBe("2023-03-07");
    expect(readDate(44992)).toBe("2023-03-07");
    expect(readDate("31/02/2023")).toBe("invalid");
    expect(readDate("kemarin")).toBe("invalid");
    expect(readDate("")).toBeNull();
  });

  it("reads a decimal comma and refuses text", () => {
    expect(readNumber("12,5")).toBe(12.5);
    expect(readNumber("12.5")).toBe(12.5);
    expect(readNumber(" 80 ")).toBe(80);
    expect(readNumber("dua belas")).toBe("invalid");
    expect(readNumber("1.234,5")).toBe("invalid");
  });

  const good = [
    "6401054703230001",
    "Aisyah",
    "P",
    "07/03/2023",
    "3,1",
    "49",
    "Siti",
    "KALIMANTAN TIMUR",
    "PASER",
    "KUARO",
    "KUARO",
    "SANDELEY",
    "MELATI",
    "003",
    "001",
    "Jl. Poros",
    "2 Th 5 Bl",
    "15/08/2025",
    "11,2",
    "86,4",
    "Berdiri",
    "",
  ];

  it("reads a good row", () => {
    const r = readEppgbmRow(2, good, map, "2026-01-01");
    expect(r.errors).toEqual([]);
    expect(r.row).toMatchObject({
      sex: 2,
      birthDate: "2023-03-07",
      measuredOn: "2025-08-15",
      weightKg: 11.2,
      lenheiCm: 86.4,
      measure: "h",
    });
  });

  it("reports every problem of a row with its column", () => {
    const bad = [...good];
    bad[2] = "X";
    bad[17] = "15/08/2099";
    bad[18] = "0";
    bad[19] = "delapan";
    const r = readEppgbmRow(7, bad, map, "2026-01-01");
    expect(r.row).toBeNull();
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [7, "JK"],
      [7, "Tanggal Pengukuran"],
      [7, "Berat"],
      [7, "Tinggi"],
    ]);
  });

  it("compares place names without prefixes and case", () => {
    expect(placeKey("Desa Sandeley")).toBe(placeKey("SANDELEY"));
    expect(placeKey("Kabupaten Paser")).toBe(placeKey("PASER"));
    expect(placeKey("Posyandu Melati")).toBe(placeKey("melati"));
  });
});
