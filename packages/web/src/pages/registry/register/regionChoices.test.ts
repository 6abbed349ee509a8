import { describe, expect, it } from "vitest";
import type { RegionView } from "../../../api";
import { regionChoices, searchRegion } from "./regionChoices";

const desa: RegionView = {
  region: {
    code: "64.01.05.2003",
    name: "Rantau Panjang",
    level: "desa",
    kind: "desa",
    parentCode: "64.01.05",
  },
  ancestors: [],
  children: [
    {
      code: "64.01.05.2003.D01",
      name: "Dusun I",
      level: "dusun",
      kind: "dusun",
      parentCode: "64.01.05.2003",
      childCount: 0,
    },
    {
      code: "64.01.05.2003.P01",
      name: "Posyandu Mawar",
      level: "posyandu",
      kind: "posyandu",
      parentCode: "64.01.05.2003",
      childCount: 0,
    },
  ],
};

describe("region choices", () => {
  it("offers the desa and its dusun for a household, and posyandu too for a person", () => {
    expect(regionChoices(desa, ["dusun"]).map((c) => c.value)).toEqual([
      "64.01.05.2003",
      "64.01.05.2003.D01",
    ]);
    expect(regionChoices(desa, ["dusun", "posyandu"])).toHaveLength(3);
    expect(regionChoices(desa, ["dusun"], "Tanpa dusun")[0]).toEqual({
      value: "64.01.05.2003",
      label: "Tanpa dusun",
    });
  });
  it("searches mothers in the whole desa from a dusun or posyandu", () => {
    expect(searchRegion(desa)).toBe("64.01.05.2003");
    const posyandu: RegionView = {
      region: {
        code: "64.01.05.2003.P01",
        name: "Mawar",
        level: "posyandu",
        kind: "posyandu",
        parentCode: "64.01.05.2003",
      },
      ancestors: [],
      children: [],
    };
    expect(searchRegion(posyandu)).toBe("64.01.05.2003");
  });
});
