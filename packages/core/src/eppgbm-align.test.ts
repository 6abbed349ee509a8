import { describe, expect, it } from "vitest";
import { findHeaderRow, isPlaceholder, mapHeaders } from "./eppgbm";
import { alignRow } from "./eppgbm-align";

const HEADER = [
  "No",
  "Nama",
  "JK",
  "Tgl Lahir",
  "Kec",
  "Pukesmas",
  "Desa/Kel",
  "Total Pengukuran",
  "Usia Saat Ukur",
  "Tanggal Pengukuran",
  "Berat (kg)",
  "Tinggi (cm)",
  "ZS BB/U",
  "Detail",
];
const ROW = [
  "1",
  "Aisyah",
  "P",
  "07/03/2024",
  "KUARO",
  "KUARO",
  "SANDELEY",
  "3",
  "2 Tahun - 5 Bulan - 8 Hari",
  "15/08/2026",
  "9,1",
  "76,5",
  "-2,70",
  "Lihat",
];

describe("SIGIZI headers", () => {
  it("finds the header below title rows, with units, Pukesmas and e-PPGBM's own columns", () => {
    const rows = [["DAFTAR ANAK BERDASARKAN STATUS GIZI"], ["Periode: Agustus 2026"], [], HEADER, ROW];
    expect(findHeaderRow(rows)).toBe(3);
    const map = mapHeaders(HEADER);
    expect(map.missing).toEqual([]);
    expect(map.index).toMatchObject({ puskesmas: 5, berat: 10, tinggi: 11 });
    expect(map.source).toMatchObject({ no: 0, totalPengukuran: 7, zsBbu: 12, detail: 13 });
    expect(findHeaderRow([["Nama"], ["JK", "Kec"]])).toBeNull();
  });

  it("knows e-PPGBM's placeholders from values", () => {
    expect(isPlaceholder("999,99")).toBe(true);
    expect(isPlaceholder("-999.99")).toBe(true);
    expect(isPlaceholder(999.99)).toBe(true);
    expect(isPlaceholder("99,9")).toBe(false);
    expect(isPlaceholder(12.5)).toBe(false);
  });
});

describe("short rows", () => {
  const map = mapHeaders(HEADER);
  it("a row in line stays as it is", () => {
    expect(alignRow(ROW, map, true)).toEqual({ cells: ROW, realigned: false });
  });
  it("a row without its Total Pengukuran cell is moved back in line, nothing else changed", () => {
    const short = ROW.filter((_, i) => i !== 7);
    const res = alignRow(short, map, true);
    expect(res).toEqual({ cells: [...ROW.slice(0, 7), null, ...ROW.slice(8)], realigned: true });
  });
  it("a row missing another cell is rejected, as is one far too short", () => {
    expect(
      alignRow(
        ROW.filter((_, i) => i !== 10),
        map,
        true,
      ),
    ).toMatchObject({
      reject: { code: "row_misaligned", params: { cells: 13, header: 14 } },
    });
    expect(alignRow(ROW.slice(0, 9), map, true)).toMatchObject({ reject: { code: "row_too_short" } });
  });
  it("in a sheet (cells at their columns) a left-shifted row with an empty last cell is put back", () => {
    const shifted = [...ROW.filter((_, i) => i !== 7), null];
    expect(alignRow(shifted, map, false)).toMatchObject({ realigned: true });
  });
});
