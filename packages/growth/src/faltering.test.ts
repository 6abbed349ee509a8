import { describe, expect, it } from "vitest";
import { calendarMonths, completedMonths } from "./age";
import { kbmGrams } from "./data/kbm";
import { faltering, WEIGHING_STATUS_LABELS, type Weighing } from "./faltering";

const BIRTH = "2024-01-15";
const w = (date: string, weightKg: number, birthDate = BIRTH): Weighing => ({ date, weightKg, birthDate });

describe("age in completed months", () => {
  it.each([
    ["2024-01-15", "2024-02-14", 0],
    ["2024-01-15", "2024-02-15", 1],
    ["2024-01-31", "2024-02-29", 1], // anniversary on a missing day = month end
    ["2024-01-31", "2024-02-28", 0],
    ["2023-01-31", "2023-02-28", 1],
    ["2024-01-15", "2025-01-14", 11],
    ["2024-01-15", "2025-01-15", 12],
    ["2024-03-10", "2024-03-01", 0],
  ])("%s → %s = %d", (b, d, m) => expect(completedMonths(b, d)).toBe(m));
  it("calendar months ignore the day", () => expect(calendarMonths("2024-01-31", "2024-02-01")).toBe(1));
});

describe("KBM table (Permenkes 155/2010)", () => {
  it.each([
    [0, 800],
    [1, 800],
    [2, 900],
    [3, 800],
    [4, 600],
    [5, 500],
    [6, 400],
    [7, 300],
    [10, 300],
    [11, 200],
    [12, 200],
    [59, 200],
  ])("%d months → %d g", (m, g) => expect(kbmGrams(m)).toBe(g));
});

describe("N / T / O / B and 2T", () => {
  it("first weighing is O; gain ≥ KBM is N, less is T; two T in a row is 2T", () => {
    const r = faltering([
      w("2024-01-20", 3.4), // O (first)
      w("2024-02-20", 4.2), // 1 mo: +800 ≥ 800 → N
      w("2024-03-20", 4.9), // 2 mo: +700 < 900 → T
      w("2024-04-20", 5.2), // 3 mo: +300 < 800 → T, 2T
      w("2024-05-20", 6.0), // 4 mo: +800 ≥ 600 → N
    ]);
    expect(r.entries.map((e) => e.status)).toEqual(["B", "N", "T", "T", "N"]);
    expect(r.entries.map((e) => e.twoT)).toEqual([false, false, false, true, false]);
    expect(r.entries[1]?.gainGrams).toBe(800);
    expect(r.entries[2]?.kbmGrams).toBe(900);
    expect(r.twoT).toBe(false);
    expect(r.anyTwoT).toBe(true);
  });

  it("not weighed last month → B, and B breaks a T chain", () => {
    const r = faltering([
      w("2024-03-20", 5),
      w("2024-04-20", 5.1),
      w("2024-06-20", 5.2),
      w("2024-07-20", 5.25),
    ]);
    expect(r.entries.map((e) => e.status)).toEqual(["B", "T", "O", "T"]);
    expect(r.twoT).toBe(false);
  });

  it("latest weighing 2T → refer now", () => {
    const r = faltering([w("2025-01-05", 10), w("2025-02-05", 10.1), w("2025-03-05", 10.1)]);
    expect(r.entries.map((e) => e.status)).toEqual(["B", "T", "T"]);
    expect(r.twoT).toBe(true);
  });

  it("weight loss is T; exactly KBM after float subtraction (5.6 − 4.8) is N", () => {
    // 5.6 − 4.8 = 0.7999999999999998 kg; rounded to grams it is 800 = KBM at 3 months.
    const r = faltering([w("2024-04-01", 4.8), w("2024-05-01", 5.6), w("2024-06-01", 5.5)]);
    expect(r.entries[1]?.ageMonths).toBe(3);
    expect(r.entries[1]?.gainGrams).toBe(800);
    expect(r.entries[1]?.status).toBe("N");
    expect(r.entries[2]?.gainGrams).toBe(-100);
    expect(r.entries[2]?.status).toBe("T");
  });

  it("uses the previous CALENDAR month, not 30 days; input order does not matter", () => {
    // 29 Feb and 1 Mar are one day apart but in consecutive months: judged (T: +600 g < 800 g at 1 month).
    const r = faltering([w("2024-03-01", 5.6), w("2024-02-29", 5.0)]);
    expect(r.entries.map((e) => [e.date, e.status])).toEqual([
      ["2024-02-29", "B"],
      ["2024-03-01", "T"],
    ]);
    // 31 Jan → 1 Mar is 30 days but skips February: B.
    const skip = faltering([w("2024-01-31", 4.0, "2023-12-01"), w("2024-03-01", 5.0, "2023-12-01")]);
    expect(skip.entries.map((e) => e.status)).toEqual(["B", "O"]);
  });

  it("a second weighing in the same month is compared with last month's weighing", () => {
    const r = faltering([w("2024-02-20", 4.0), w("2024-03-05", 4.5), w("2024-03-25", 5.0)]);
    expect(r.entries.map((e) => e.previousDate)).toEqual([null, "2024-02-20", "2024-02-20"]);
    expect(r.entries.map((e) => e.status)).toEqual(["B", "T", "N"]);
  });

  it("calendar-month age option changes the KBM lookup", () => {
    // Born 15 Jan; weighed 10 Mar: 1 completed month (KBM 800) but KMS column 2 (KBM 900).
    const h = [w("2024-02-10", 4.0), w("2024-03-10", 4.85)];
    expect(faltering(h).entries[1]?.status).toBe("N");
    expect(faltering(h, { age: "calendar" }).entries[1]?.status).toBe("T");
  });

  it("rejects impossible input", () => {
    expect(() => faltering([w("2023-12-01", 3)])).toThrow(RangeError);
    expect(() => faltering([w("2024-02-30", 3)])).toThrow(RangeError);
    expect(() => faltering([w("2024-02-01", 0)])).toThrow(RangeError);
  });

  it("empty history", () => expect(faltering([])).toEqual({ entries: [], twoT: false, anyTwoT: false }));

  it("labels a first weighing and a skipped month with the SKDN words", () => {
    const r = faltering([
      { date: "2024-01-10", weightKg: 7, birthDate: "2023-06-01" },
      { date: "2024-03-10", weightKg: 7.5, birthDate: "2023-06-01" },
    ]);
    const [first, skipped] = r.entries.map((e) => WEIGHING_STATUS_LABELS[e.status].id);
    expect(first).toBe("Baru pertama kali ditimbang");
    expect(skipped).toBe("Tidak ditimbang bulan lalu");
  });
});
