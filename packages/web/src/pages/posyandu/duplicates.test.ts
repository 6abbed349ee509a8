import { describe, expect, it } from "vitest";
import type { LocalChild } from "./day";
import { possibleDuplicates } from "./duplicates";

const person = (over: Partial<LocalChild>): LocalChild => ({
  id: "x",
  regionCode: "64.01.05.2003.P01",
  name: "Muhammad Rizki",
  sex: 1,
  birthDate: "2025-03-01",
  parentName: "Siti Aminah",
  nikMasked: null,
  motherId: null,
  birthWeightKg: null,
  birthLengthCm: null,
  revision: 1,
  leftOn: null,
  ...over,
});
const input = {
  regionCode: "64.01.05.2003.P02",
  name: "Mohamad Rizky",
  birthDate: "2025-03-01",
  nik: null,
  parentName: "Siti Aminah",
};

describe("duplicates caught on the phone", () => {
  it("finds a sound-alike name with the same birth date and mother in the same desa", () => {
    expect(possibleDuplicates([person({})], input).map((m) => m.reason)).toEqual(["name"]);
  });
  it("not with another birth date, another mother, or in another desa", () => {
    expect(possibleDuplicates([person({ birthDate: "2025-03-02" })], input)).toEqual([]);
    expect(possibleDuplicates([person({ parentName: "Rina Wati" })], input)).toEqual([]);
    expect(possibleDuplicates([person({ regionCode: "64.01.05.2004" })], input)).toEqual([]);
  });
  it("finds the same NIK (its last four digits, all the phone keeps) anywhere", () => {
    const other = person({ name: "Lain", nikMasked: "************1234", regionCode: "64.01.05.2004" });
    expect(possibleDuplicates([other], { ...input, nik: "6401050103251234" })).toEqual([
      { child: other, reason: "nik" },
    ]);
  });
});
