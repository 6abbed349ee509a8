import { describe, expect, it } from "vitest";
import { SurveyFigureInput } from "./survey";

const ok = {
  regionCode: "64.01",
  year: 2024,
  survey: "ski",
  value: 21.5,
  source: "SKI 2023 dalam angka, tabel 5.1",
};

describe("SurveyFigureInput (Paser Pasal 6(2): targets judged on survey results)", () => {
  it("takes a value with or without its interval", () => {
    expect(SurveyFigureInput.safeParse(ok).success).toBe(true);
    expect(SurveyFigureInput.safeParse({ ...ok, ciLower: 18.2, ciUpper: 25 }).success).toBe(true);
  });
  it("refuses half an interval, an interval without the value, a percent over 100 and no source", () => {
    expect(SurveyFigureInput.safeParse({ ...ok, ciLower: 18 }).success).toBe(false);
    expect(SurveyFigureInput.safeParse({ ...ok, ciLower: 22, ciUpper: 25 }).success).toBe(false);
    expect(SurveyFigureInput.safeParse({ ...ok, value: 100.1 }).success).toBe(false);
    expect(SurveyFigureInput.safeParse({ ...ok, source: "" }).success).toBe(false);
  });
});
