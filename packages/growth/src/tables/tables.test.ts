/**
 * The generated tables must equal the WHO CSVs bit for bit, so a stale or
 * hand-edited generation fails here. (Tests may read files; the library may not.)
 */
import { describe, expect, it } from "vitest";
import { readCsv } from "../testing/who-reference";
import type { LmsTable } from "./types";
import {
  ACFA_2006,
  BFA_2006,
  HCFA_2006,
  LHFA_2006,
  SSFA_2006,
  TSFA_2006,
  WFA_2006,
} from "./who2006-age.generated";
import { WFH_2006, WFL_2006 } from "./who2006-lenhei.generated";
import { BFA_2007, HFA_2007, WFA_2007 } from "./who2007.generated";

const CASES: [string, LmsTable, string, number][] = [
  ["who2006_lhfa_by_day.csv", LHFA_2006, "age_days", 1],
  ["who2006_wfa_by_day.csv", WFA_2006, "age_days", 1],
  ["who2006_bfa_by_day.csv", BFA_2006, "age_days", 1],
  ["who2006_hcfa_by_day.csv", HCFA_2006, "age_days", 1],
  ["who2006_acfa_by_day.csv", ACFA_2006, "age_days", 1],
  ["who2006_tsfa_by_day.csv", TSFA_2006, "age_days", 1],
  ["who2006_ssfa_by_day.csv", SSFA_2006, "age_days", 1],
  ["who2006_wfl_by_length.csv", WFL_2006, "length_cm", 10],
  ["who2006_wfh_by_height.csv", WFH_2006, "height_cm", 10],
  ["who2007_hfa_by_month.csv", HFA_2007, "age_months", 1],
  ["who2007_bfa_by_month.csv", BFA_2007, "age_months", 1],
  ["who2007_wfa_by_month.csv", WFA_2007, "age_months", 1],
];

describe("generated LMS tables", () => {
  it.each(CASES)("%s equals the CSV", (file, table, keyColumn, scale) => {
    const rows = readCsv(file);
    expect(rows.length).toBe(table.count * 2);
    expect(table.lms.length).toBe(rows.length * 3);
    for (const r of rows) {
      const sex = Number(r.sex);
      const key = Math.round(Number(r[keyColumn]) * scale);
      const o = ((sex - 1) * table.count + key - table.first) * 3;
      expect([table.lms[o], table.lms[o + 1], table.lms[o + 2]], `${file} ${r.sex}/${r[keyColumn]}`).toEqual([
        Number(r.l),
        Number(r.m),
        Number(r.s),
      ]);
    }
  });

  it("WFL/WFH keys are exactly the doubles anthro joins on (trunc(x*10)/10)", () => {
    for (const [file, col] of [
      ["who2006_wfl_by_length.csv", "length_cm"],
      ["who2006_wfh_by_height.csv", "height_cm"],
    ] as const) {
      for (const r of readCsv(file)) {
        const v = Number(r[col]);
        expect(Math.round(v * 10) / 10).toBe(v);
      }
    }
  });

  it("lhfa/bfa switch from length (L) to height (H) basis at day 731, as the engine assumes", () => {
    for (const file of ["who2006_lhfa_by_day.csv", "who2006_bfa_by_day.csv"]) {
      for (const r of readCsv(file)) expect(r.loh).toBe(Number(r.age_days) < 731 ? "L" : "H");
    }
  });
});
