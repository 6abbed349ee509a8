import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { checkRegionRows } from "./region-rows";

const HEADER = "code,name,level,kind,parent_code";

describe("checkRegionRows", () => {
  it("accepts a well-formed extract whose parents come first", () => {
    const csv = `${HEADER}\n64.01,Kabupaten Paser,kabupaten,kab,64\n64.01.01,Batu Sopang,kecamatan,kecamatan,64.01\n64.01.01.2009,Samurangau,desa,desa,64.01.01\n`;
    const { regions, errors } = checkRegionRows(parseCsv(csv), (c) => c === "64");
    expect(errors).toEqual([]);
    expect(regions.map((r) => r.code)).toEqual(["64.01", "64.01.01", "64.01.01.2009"]);
  });

  it("reports every bad row with its line and reason and keeps the good ones", () => {
    const csv = [
      HEADER,
      "64.01,Kabupaten Paser,kabupaten,kab,64",
      "64.01.1,Bad,kecamatan,kecamatan,64.01",
      "64.01.02,,kecamatan,kecamatan,64.01",
      "64.01.03,X,desa,kecamatan,64.01",
      "64.01.04.1001,Kel,desa,desa,64.01.04",
      "64.02.01,Orphan,kecamatan,kecamatan,64.02",
      "64.01.05,Good,kecamatan,kecamatan,64.01",
      "64.01.05,Again,kecamatan,kecamatan,64.01",
    ].join("\n");
    const { regions, errors } = checkRegionRows(parseCsv(csv), (c) => c === "64");
    expect(regions.map((r) => r.code)).toEqual(["64.01", "64.01.05"]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, "code"],
      [4, "name"],
      [5, "level"],
      [6, "kind"],
      [7, "parent_code"],
      [9, "code"],
    ]);
  });

  it("names a missing column", () => {
    const { errors } = checkRegionRows(parseCsv("code,name\n64,X"), () => true);
    expect(errors.map((e) => e.column)).toEqual(["level", "kind", "parent_code"]);
  });
});
