import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { ANTIGEN_CODES, catalogForRegion, RECORDED_SERVICES } from "./catalog";
import { shiftMonth } from "./period";
import {
  ancCell,
  birthCertificateCell,
  childHomeVisitCell,
  evaluateIndicator,
  immunisationCell,
  inGroup,
  lengthCell,
  nifasCell,
  type PregnancyScoreFacts,
  type ServiceFact,
  servicesReadBy,
  type TargetFacts,
  weighingCell,
} from "./rules";

function facts(over: Partial<TargetFacts> = {}): TargetFacts {
  return {
    birthDate: "2025-01-15",
    birthLengthKnown: false,
    pregnancy: null,
    household: null,
    weighedOn: [],
    lengthOn: [],
    records: [],
    ...over,
  };
}
const rec = (
  service: ServiceFact["service"],
  givenOn: string,
  detail: string | null = null,
): ServiceFact => ({
  service,
  givenOn,
  detail,
  received: true,
});

describe("antenatal checks: each trimester, twice in the third", () => {
  // LMP 2025-01-01: T2 starts day 91 = 2025-04-02, T3 day 196 = 2025-07-16, 36 weeks = 2025-09-10.
  const p: PregnancyScoreFacts = {
    lmpDate: "2025-01-01",
    eddDate: "2025-10-08",
    endedOn: null,
    outcome: null,
    kek: false,
    highRisk: false,
  };
  it("is not applicable before the first trimester is over when no visit happened yet", () => {
    expect(ancCell(p, facts({ pregnancy: p }), "2025-03")).toBe("TS"); // day 89 at 31 March
  });
  it("is missing once the first trimester ended without a visit (day 91 is the first day of T2)", () => {
    // April ends at day 119 ≥ 91.
    expect(ancCell(p, facts({ pregnancy: p }), "2025-04")).toBe("T");
    const early = facts({ pregnancy: p, records: [rec("anc", "2025-04-01")] }); // day 90: still T1
    expect(ancCell(p, early, "2025-04")).toBe("Y");
    const late = facts({ pregnancy: p, records: [rec("anc", "2025-04-02")] }); // day 91: T2, T1 missed
    expect(ancCell(p, late, "2025-04")).toBe("T");
  });
  it("needs a T2 visit once T2 is over and a T3 visit by 36 weeks", () => {
    const two = facts({ pregnancy: p, records: [rec("anc", "2025-02-10"), rec("anc", "2025-05-10")] });
    expect(ancCell(p, two, "2025-07")).toBe("Y"); // day 211 at 31 July: T3 under way, not yet 36 weeks
    expect(ancCell(p, two, "2025-08")).toBe("Y"); // day 242
    expect(ancCell(p, two, "2025-09")).toBe("T"); // day 272 ≥ 252 without a T3 visit
  });
  it("needs two T3 visits by delivery", () => {
    const born = { ...p, endedOn: "2025-10-05", outcome: "lahir_hidup" };
    const one = facts({
      pregnancy: born,
      records: [rec("anc", "2025-02-10"), rec("anc", "2025-05-10"), rec("anc", "2025-08-01")],
    });
    expect(ancCell(born, one, "2025-09")).toBe("Y");
    expect(ancCell(born, one, "2025-10")).toBe("T");
    const two = facts({ pregnancy: born, records: [...one.records, rec("anc", "2025-09-20")] });
    expect(ancCell(born, two, "2025-10")).toBe("Y");
    expect(ancCell(born, two, "2025-11")).toBe("TS"); // no longer pregnant
  });
});

describe("post-partum checks", () => {
  const p: PregnancyScoreFacts = {
    lmpDate: "2025-01-01",
    eddDate: "2025-10-08",
    endedOn: "2025-09-29",
    outcome: "lahir_hidup",
    kek: false,
    highRisk: false,
  };
  it("apply only once delivered", () => {
    expect(nifasCell(p, facts({ pregnancy: p }), "2025-08")).toBe("TS");
    const lost = { ...p, outcome: "keguguran" };
    expect(nifasCell(lost, facts({ pregnancy: lost }), "2025-10")).toBe("TS");
  });
  it("KF1–KF4 by their windows (Permenkes 21/2021): each due when its window closes, a check counts in its own window", () => {
    // Delivered 29 Sept (day 0): KF1 days 0–2 (closes 1 Oct), KF2 3–7 (6 Oct), KF3 8–28 (27 Oct), KF4 29–42 (10 Nov).
    expect(nifasCell(p, facts({ pregnancy: p }), "2025-09")).toBe("TS"); // 30 Sept = day 1: nothing due
    const one = facts({ pregnancy: p, records: [rec("nifas", "2025-09-30")] });
    expect(nifasCell(p, one, "2025-09")).toBe("Y");
    expect(nifasCell(p, one, "2025-10")).toBe("T"); // KF2 and KF3 closed without a check
    const kf = (days: string[]) => facts({ pregnancy: p, records: days.map((d) => rec("nifas", d)) });
    expect(nifasCell(p, kf(["2025-09-30", "2025-10-04", "2025-10-20"]), "2025-10")).toBe("Y");
    // Three checks, but two in KF1's window and none in KF2's: "any three" would be Y, the windows say T.
    expect(nifasCell(p, kf(["2025-09-29", "2025-09-30", "2025-10-20"]), "2025-10")).toBe("T");
    // KF4 closes on day 42 (10 Nov): November needs it.
    expect(nifasCell(p, kf(["2025-09-30", "2025-10-04", "2025-10-20"]), "2025-11")).toBe("T");
    expect(nifasCell(p, kf(["2025-09-30", "2025-10-04", "2025-10-20", "2025-11-05"]), "2025-11")).toBe("Y");
    expect(nifasCell(p, kf(["2025-09-30", "2025-10-04", "2025-10-20"]), "2025-12")).toBe("TS");
  });
  it("the BUKU's three checks (kf3) is data a regency can choose", () => {
    const three = facts({
      pregnancy: p,
      records: ["2025-10-01", "2025-10-20", "2025-11-05"].map((d) => rec("nifas", d)),
    });
    expect(nifasCell(p, three, "2025-11", "kf3")).toBe("Y");
    expect(nifasCell(p, three, "2025-11", "kf4")).toBe("T"); // 2 Oct–6 Oct (KF2) had no check
  });
  it("keeps the woman a target until nifas ends (42 days)", () => {
    expect(inGroup("ibu_hamil", facts({ pregnancy: p }), "2025-11")).toBe(true);
    expect(inGroup("ibu_hamil", facts({ pregnancy: p }), "2025-12")).toBe(false);
  });
});

describe("children's rules at age-band boundaries", () => {
  it("immunisation: measles is required only after the 9th month is complete", () => {
    const early = ["hb0", "bcg", "polio1", "dpt1", "polio2", "dpt2", "polio3", "dpt3", "polio4", "ipv"];
    const records = early.map((a) => rec("imunisasi", "2025-05-01", a));
    // Born 2025-01-15: 9 completed months on 2025-10-31, 10 on 2025-11-30.
    expect(immunisationCell(facts({ records }), "2025-10")).toBe("Y");
    expect(immunisationCell(facts({ records }), "2025-11")).toBe("T");
    const all = [...records, rec("imunisasi", "2025-11-10", "campak")];
    expect(immunisationCell(facts({ records: all }), "2025-11")).toBe("Y");
    expect(immunisationCell(facts({ birthDate: "2025-11-20" }), "2025-11")).toBe("TS");
  });
  it("weighing: every month ('diukur berat badannya di posyandu secara rutin setiap bulan', BUKU)", () => {
    expect(weighingCell(facts({ weighedOn: ["2025-12-31"] }), "2025-12")).toBe("Y");
    expect(weighingCell(facts({ weighedOn: ["2025-11-30"] }), "2025-12")).toBe("T");
    expect(weighingCell(facts({ weighedOn: ["2026-01-01"] }), "2025-12")).toBe("T");
  });
  it("weighing: a child born this month is not yet due", () => {
    expect(weighingCell(facts({ birthDate: "2025-11-02" }), "2025-11")).toBe("TS");
    expect(weighingCell(facts({ birthDate: "2025-11-02", weighedOn: ["2025-11-05"] }), "2025-11")).toBe("Y");
    expect(weighingCell(facts({ birthDate: "2025-11-02" }), "2025-12")).toBe("T");
  });
  it("length: at least twice a year ('minimal 2 kali dalam setahun', BUKU) — one in the last 6 months", () => {
    expect(lengthCell(facts({ lengthOn: ["2025-05-01"] }), "2025-10")).toBe("Y"); // May–Oct
    expect(lengthCell(facts({ lengthOn: ["2025-04-30"] }), "2025-10")).toBe("T");
    expect(lengthCell(facts({ birthDate: "2025-09-01", birthLengthKnown: true }), "2025-10")).toBe("Y");
    // Under 6 months without a length: not due yet; born on the window's first day it is due.
    expect(lengthCell(facts({ birthDate: "2025-05-02" }), "2025-10")).toBe("TS");
    expect(lengthCell(facts({ birthDate: "2025-05-01" }), "2025-10")).toBe("T");
  });
  it("home visit: only for children with gizi buruk, gizi kurang or stunting (BUKU), else TS", () => {
    const visit = [rec("kunjungan_rumah", "2025-10-03")];
    expect(childHomeVisitCell(facts({ records: visit }), "2025-10")).toBe("TS"); // no status measured
    const well = [{ on: "2025-09-10", undernourished: false }];
    expect(childHomeVisitCell(facts({ nutrition: well }), "2025-10")).toBe("TS");
    const stunted = [...well, { on: "2025-10-12", undernourished: true }];
    expect(childHomeVisitCell(facts({ nutrition: stunted }), "2025-10")).toBe("T");
    expect(childHomeVisitCell(facts({ nutrition: stunted, records: visit }), "2025-10")).toBe("Y");
    // Measured after the month's end: not yet known in that month.
    expect(
      childHomeVisitCell(facts({ nutrition: [{ on: "2025-11-01", undernourished: true }] }), "2025-10"),
    ).toBe("TS");
  });
  it("birth certificate is due after 60 days", () => {
    const born = "2025-09-01";
    expect(birthCertificateCell(facts({ birthDate: born }), "2025-10")).toBe("TS"); // 60 days on 31 Oct
    expect(birthCertificateCell(facts({ birthDate: addDays("2025-09-01", -1) }), "2025-10")).toBe("T");
    expect(
      birthCertificateCell(facts({ birthDate: born, records: [rec("akta_lahir", "2025-09-20")] }), "2025-10"),
    ).toBe("Y");
  });
  it("groups: 0–23 months, then 2–6 years", () => {
    const f = facts({ birthDate: "2023-11-30" });
    expect(inGroup("anak_0_23", f, "2025-10")).toBe(true); // 23 months on 31 Oct
    expect(inGroup("anak_0_23", f, "2025-11")).toBe(false); // 24 on 30 Nov
    expect(inGroup("anak_2_6", f, "2025-11")).toBe(true);
  });
  it("a child who moved away or died on 15 October is a target in October, of no later month (issue 17)", () => {
    const f = facts({ birthDate: "2025-01-10", leftOn: "2025-10-15" });
    expect(inGroup("anak_0_23", f, "2025-10")).toBe(true);
    expect(inGroup("anak_0_23", f, "2025-11")).toBe(false);
    const p = {
      lmpDate: "2025-03-01",
      eddDate: "2025-12-06",
      endedOn: null,
      outcome: null,
      kek: false,
      highRisk: false,
    };
    expect(inGroup("ibu_hamil", facts({ pregnancy: p, leftOn: "2025-09-01" }), "2025-08")).toBe(true);
    expect(inGroup("ibu_hamil", facts({ pregnancy: p, leftOn: "2025-09-01" }), "2025-09")).toBe(false);
  });
});

describe("catalog", () => {
  it("has Paser's 7 packages and PALI's 5, and every indicator cites a source", () => {
    expect(catalogForRegion("64.01.05.2003").packages).toHaveLength(7);
    expect(catalogForRegion("16.12.01").packages).toHaveLength(5);
    for (const c of [catalogForRegion("64.01"), catalogForRegion("16.12"), catalogForRegion("11.01")]) {
      for (const i of c.indicators) {
        expect(i.source).toMatch(/Buku Pendataan/);
        expect(c.packages).toContain(i.package);
      }
    }
  });
});

describe("servicesReadBy", () => {
  // A reader that leaves the other services' records unread (the dashboards' rebuild) must score the same:
  // this fails when a rule starts reading a service its entry does not name.
  const day = fc.integer({ min: 0, max: 4 * 365 }).map((d) => addDays("2023-01-01", d));
  const record = fc.record({
    service: fc.constantFrom(...RECORDED_SERVICES),
    givenOn: day,
    detail: fc.option(fc.constantFrom(...ANTIGEN_CODES), { nil: null }),
    received: fc.boolean(),
    quantity: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  });
  const pregnancy = fc
    .record({ lmp: day, length: fc.integer({ min: 30, max: 300 }), ended: fc.boolean(), kek: fc.boolean() })
    .map(
      ({ lmp, length, ended, kek }): PregnancyScoreFacts => ({
        lmpDate: lmp,
        eddDate: addDays(lmp, 280),
        endedOn: ended ? addDays(lmp, length) : null,
        outcome: ended ? "lahir_hidup" : null,
        kek,
        highRisk: false,
      }),
    );
  const target = fc.record({
    birthDate: day,
    pregnancy: fc.option(pregnancy, { nil: null }),
    records: fc.array(record, { maxLength: 30 }),
  });
  const month = fc.integer({ min: 0, max: 47 }).map((i) => shiftMonth("2023-01", i));
  it("names every service whose records can change an indicator's cell", () => {
    const catalogs = [catalogForRegion("64.01"), catalogForRegion("16.12"), catalogForRegion("11.01")];
    fc.assert(
      fc.property(target, month, (t, m) => {
        const all = facts({ birthDate: t.birthDate, pregnancy: t.pregnancy, records: t.records });
        for (const catalog of catalogs)
          for (const ind of catalog.indicators) {
            const read = servicesReadBy(ind);
            const only = { ...all, records: all.records.filter((r) => read.includes(r.service)) };
            expect(evaluateIndicator(ind, only, m, catalog)).toBe(evaluateIndicator(ind, all, m, catalog));
          }
      }),
      { numRuns: 300 },
    );
  });
});
