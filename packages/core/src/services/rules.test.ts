import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { catalogForRegion } from "./catalog";
import {
  ancCell,
  birthCertificateCell,
  immunisationCell,
  inGroup,
  lengthCell,
  nifasCell,
  type PregnancyScoreFacts,
  type ServiceFact,
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
  it("count the checks due by the days since delivery: 1 by day 2, 2 by day 7, 3 by day 28", () => {
    // Delivered 29 Sept: 30 Sept is day 1 → nothing due yet.
    expect(nifasCell(p, facts({ pregnancy: p }), "2025-09")).toBe("TS");
    const one = facts({ pregnancy: p, records: [rec("nifas", "2025-09-30")] });
    expect(nifasCell(p, one, "2025-09")).toBe("Y");
    expect(nifasCell(p, one, "2025-10")).toBe("T"); // by 31 Oct (day 32) three are due
    const three = facts({
      pregnancy: p,
      records: [rec("nifas", "2025-09-30"), rec("nifas", "2025-10-04"), rec("nifas", "2025-10-20")],
    });
    expect(nifasCell(p, three, "2025-10")).toBe("Y");
    expect(nifasCell(p, three, "2025-11")).toBe("Y"); // nifas ends 10 Nov (day 42)
    expect(nifasCell(p, three, "2025-12")).toBe("TS");
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
  it("weighing: every month up to 11 months, 2 of the last 3 from 12 months", () => {
    const weighedOn = ["2025-11-10", "2025-12-10"]; // missed January 2026
    // Born 2025-01-15: 11 completed months at 31 Dec 2025, 12 at 31 Jan 2026.
    expect(weighingCell(facts({ weighedOn: [...weighedOn] }), "2025-12")).toBe("T"); // Oct missed, 11 months
    expect(weighingCell(facts({ weighedOn: ["2025-10-09", ...weighedOn] }), "2025-12")).toBe("Y");
    expect(weighingCell(facts({ weighedOn }), "2026-01")).toBe("Y"); // 12 months: 2 of Nov–Jan
    expect(weighingCell(facts({ weighedOn: ["2025-12-10"] }), "2026-01")).toBe("T");
  });
  it("weighing: a child born this month is not yet due; the months before birth do not count", () => {
    expect(weighingCell(facts({ birthDate: "2025-11-02" }), "2025-11")).toBe("TS");
    expect(weighingCell(facts({ birthDate: "2025-11-02", weighedOn: ["2025-12-05"] }), "2025-12")).toBe("Y");
    expect(weighingCell(facts({ birthDate: "2025-11-01", weighedOn: ["2025-12-05"] }), "2025-12")).toBe("T");
  });
  it("length: measured within the last three months, or a birth length inside them", () => {
    expect(lengthCell(facts({ lengthOn: ["2025-08-01"] }), "2025-10")).toBe("Y");
    expect(lengthCell(facts({ lengthOn: ["2025-07-31"] }), "2025-10")).toBe("T");
    expect(lengthCell(facts({ birthDate: "2025-09-01", birthLengthKnown: true }), "2025-10")).toBe("Y");
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
