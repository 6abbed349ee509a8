import { describe, expect, it } from "vitest";
import { fromAnyPeriodForm, toAdxPeriod, toDhis2Period } from "../period";
import { emptyBreakdown } from "./breakdown";
import { toDataValues } from "./data-values";
import { parseDhis2Mapping } from "./mapping";

const good = {
  idScheme: "UID",
  dataSet: "pBOMPrpg1QX",
  orgUnits: { "64.01.05": "DiszpKrYNg8" },
  dataElements: [
    {
      count: "tbu_severe",
      dataElement: "f7n9E0hX8qk",
      categoryOptionCombos: { "female:0-5": "Prlt0C1RF0s" },
    },
    { count: "measured", dataElement: "Ix2HsbDMLea", categoryOptionCombos: { total: "bRowv6yZOF2" } },
  ],
};

describe("DHIS2 mapping file", () => {
  it("accepts a mapping by uid and turns counts into string values with DHIS2's period", () => {
    const r = parseDhis2Mapping(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const b = emptyBreakdown();
    b["female:0-5"].tbu_severe = 3;
    b["male:24-59"].measured = 7;
    b["female:0-5"].measured = 4;
    expect(toDataValues(r.mapping, "2025-09", new Map([["64.01.05", b]]))).toEqual([
      {
        dataElement: "f7n9E0hX8qk",
        period: "202509",
        orgUnit: "DiszpKrYNg8",
        categoryOptionCombo: "Prlt0C1RF0s",
        value: "3",
      },
      {
        dataElement: "Ix2HsbDMLea",
        period: "202509",
        orgUnit: "DiszpKrYNg8",
        categoryOptionCombo: "bRowv6yZOF2",
        value: "11",
      },
    ]);
  });

  it("names the entry and field of every error", () => {
    const bad = {
      ...good,
      orgUnits: { "64.1": "DiszpKrYNg8" },
      dataElements: [good.dataElements[0], { ...good.dataElements[1], count: "stunting_percent" }],
    };
    const r = parseDhis2Mapping(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join("\n")).toMatch(/dataElements\[1\] \(stunting_percent\)\.count/);
    const second = parseDhis2Mapping({
      ...good,
      orgUnits: { "64.1": "DiszpKrYNg8" },
      dataElements: [
        {
          count: "tbu_severe",
          dataElement: "f7n9E0hX8qk",
          categoryOptionCombos: { "female:0-5": "not a uid" },
        },
      ],
    });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors).toEqual([
      'orgUnits["64.1"]: not a Kemendagri region code (e.g. 64.01.05)',
      'dataElements[0] (tbu_severe).categoryOptionCombos["female:0-5"]: "not a uid" is not a DHIS2 uid (11 letters or digits, starting with a letter)',
    ]);
  });

  it("refuses a percentage or an unknown cell", () => {
    const r = parseDhis2Mapping({
      ...good,
      dataElements: [
        {
          count: "tbu_severe",
          dataElement: "f7n9E0hX8qk",
          categoryOptionCombos: { "male:0-6": "Prlt0C1RF0s" },
        },
      ],
    });
    expect(r.ok).toBe(false);
  });
});

describe("DHIS2 and ADX periods", () => {
  it("writes each kind in DHIS2's and ADX's form and reads both forms back", () => {
    expect(["2025-09", "2025-Q3", "2025-S1", "2025"].map(toDhis2Period)).toEqual([
      "202509",
      "2025Q3",
      "2025S1",
      "2025",
    ]);
    expect(["2025-09", "2025-Q3", "2025-S2", "2025"].map(toAdxPeriod)).toEqual([
      "2025-09-01/P1M",
      "2025-07-01/P3M",
      "2025-07-01/P6M",
      "2025-01-01/P1Y",
    ]);
    expect(
      ["202509", "2025Q3", "2025S1", "2025", "2025-09", "2025-13", "25Q3"].map(fromAnyPeriodForm),
    ).toEqual(["2025-09", "2025-Q3", "2025-S1", "2025", "2025-09", null, null]);
  });
});
