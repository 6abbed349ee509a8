import { describe, expect, it } from "vitest";
import { referralNote, referralReasons } from "./referral";

describe("referral from the posyandu day", () => {
  it("offers a referral for 2T, stunting and wasting, not for an implausible value or underweight alone", () => {
    expect(referralReasons(["2T", "stunting"])).toEqual(["2T", "stunting"]);
    expect(referralReasons(["severe_wasting"])).toEqual(["severe_wasting"]);
    expect(referralReasons(["implausible"])).toEqual([]);
    expect(referralReasons(["underweight"])).toEqual([]);
    expect(referralReasons([])).toEqual([]);
  });

  it("writes the reasons in Indonesian words, never codes", () => {
    const note = referralNote(referralReasons(["stunting", "2T"]));
    expect(note).toBe("Dirujuk dari posyandu: berat badan tidak naik 2 kali (2T), pendek");
    expect(note).not.toMatch(/stunting|severe/);
  });
});
