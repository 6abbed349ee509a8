import type { MeasurementView } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { adviceFor } from "./advice";

function m(over: Partial<MeasurementView> = {}): MeasurementView {
  return {
    id: "m",
    measuredOn: "2025-06-13",
    ageDays: 450,
    ageMonths: 14,
    weightKg: 9.1,
    lenheiCm: 75.2,
    measure: "l",
    muacCm: null,
    headcCm: null,
    oedema: false,
    measuredBy: null,
    z: { lenhei: -0.5, weight: -0.4, wfl: -0.2, bmi: -0.1 },
    categories: { tbu: "tbu.normal", bbu: "bbu.normal", bbtb: "bbtb.gizi_baik", imtu: "imtu.gizi_baik" },
    flags: [],
    weighing: "N",
    ...over,
  };
}
const keys = (a: { key: string }[]) => a.map((x) => x.key);

describe("adviceFor", () => {
  it("says all is well for a normal child that gained weight", () => {
    expect(adviceFor(m())).toEqual([{ key: "advice.good", tone: "ok" }]);
  });

  it("refers 2T and does not repeat the single T", () => {
    expect(keys(adviceFor(m({ weighing: "T" }), ["2T"]))).toEqual(["advice.refer2T"]);
    expect(keys(adviceFor(m({ weighing: "T" })))).toEqual(["advice.notRising"]);
  });

  it("puts urgent referrals first", () => {
    const severe = m({
      oedema: true,
      muacCm: 11.2,
      categories: { tbu: "tbu.pendek", bbu: "bbu.sangat_kurang", bbtb: "bbtb.gizi_buruk", imtu: null },
    });
    expect(keys(adviceFor(severe))).toEqual([
      "advice.oedema",
      "advice.severeWasting",
      "advice.muacRed",
      "advice.stunting",
      "advice.underweight",
    ]);
  });

  it("asks to measure again when the result is implausible", () => {
    expect(keys(adviceFor(m({ flags: ["zlen"] })))).toEqual(["advice.implausible"]);
  });

  it("uses MUAC only from 6 to 59 months", () => {
    expect(keys(adviceFor(m({ muacCm: 12 })))).toEqual(["advice.muacYellow"]);
    expect(keys(adviceFor(m({ muacCm: 11, ageMonths: 4 })))).toEqual(["advice.good"]);
  });

  it("falls back to IMT/U when there is no BB/TB, and flags overweight", () => {
    const wasted = m({ categories: { tbu: null, bbu: null, bbtb: null, imtu: "imtu.gizi_kurang" } });
    expect(keys(adviceFor(wasted))).toEqual(["advice.wasting"]);
    const heavy = m({
      categories: { tbu: "tbu.normal", bbu: "bbu.risiko_lebih", bbtb: "bbtb.gizi_lebih", imtu: null },
    });
    expect(keys(adviceFor(heavy))).toEqual(["advice.overweight"]);
  });
});
