/** Pregnancy rules of the KPM scorecard at their boundaries, each against the text it follows. */
import { describe, expect, it } from "vitest";
import { catalogForRegion } from "./catalog";
import {
  ancCell,
  type PregnancyScoreFacts,
  pregnancyCounsellingCell,
  type ServiceFact,
  type TargetFacts,
  ttdCell,
} from "./rules";
import { explainCell } from "./scorecard";

// LMP 2025-01-01: T1 ends 1 Apr (day 90), T2 ends 15 Jul (day 195), 36 weeks = 10 Sep (day 252).
const p: PregnancyScoreFacts = {
  lmpDate: "2025-01-01",
  eddDate: "2025-10-08",
  endedOn: null,
  outcome: null,
  kek: false,
  highRisk: false,
};
const born: PregnancyScoreFacts = { ...p, endedOn: "2025-10-05", outcome: "lahir_hidup" };
const facts = (pregnancy: PregnancyScoreFacts, records: ServiceFact[] = []): TargetFacts => ({
  birthDate: "1995-03-01",
  birthLengthKnown: false,
  pregnancy,
  household: null,
  weighedOn: [],
  lengthOn: [],
  records,
});
const rec = (
  service: ServiceFact["service"],
  givenOn: string,
  quantity: number | null = null,
): ServiceFact => ({
  service,
  givenOn,
  detail: null,
  received: true,
  quantity,
});

describe("ANC 4 (BUKU, Permenkes 97/2014) vs ANC 6 (Permenkes 21/2021): data chosen per regency", () => {
  const four = [
    rec("anc", "2025-02-10"),
    rec("anc", "2025-05-10"),
    rec("anc", "2025-08-01"),
    rec("anc", "2025-09-20"),
  ];
  it("four contacts 1–1–2 meet k4 but not k6 (which needs 2 in T2 and 3 in T3)", () => {
    expect(ancCell(born, facts(born, four), "2025-10", "k4")).toBe("Y");
    expect(ancCell(born, facts(born, four), "2025-10", "k6")).toBe("T");
    const six = [...four, rec("anc", "2025-06-10"), rec("anc", "2025-10-01")];
    expect(ancCell(born, facts(born, six), "2025-10", "k6")).toBe("Y");
  });
  it("k6: the second T2 contact is due when T2 is over (16 Jul)", () => {
    const one = facts(p, [rec("anc", "2025-02-10"), rec("anc", "2025-05-10")]);
    expect(ancCell(p, one, "2025-06", "k6")).toBe("Y");
    expect(ancCell(p, one, "2025-07", "k6")).toBe("T");
  });
  it("Paser follows k6 (Perbup 2024, after Permenkes 21/2021), PALI k4 (adopts the BUKU)", () => {
    expect(catalogForRegion("64.01").ancSchedule).toBe("k6");
    expect(catalogForRegion("16.12").ancSchedule).toBe("k4");
  });
});

describe("counselling: at least 4 times in the pregnancy (BUKU), not every month", () => {
  it("one session covers T1; a month without a session is not a T while the pace is kept", () => {
    const one = facts(p, [rec("konseling_gizi", "2025-03-05")]);
    expect(pregnancyCounsellingCell(p, one, "2025-04")).toBe("Y");
    expect(pregnancyCounsellingCell(p, one, "2025-06")).toBe("Y"); // nothing in May or June: still on pace
    expect(pregnancyCounsellingCell(p, one, "2025-07")).toBe("T"); // 2 due by the end of T2 (15 Jul)
  });
  it("before anything is due with no session: TS; by delivery 4 are needed", () => {
    expect(pregnancyCounsellingCell(p, facts(p), "2025-02")).toBe("TS");
    const three = ["2025-03-05", "2025-06-05", "2025-08-05"].map((d) => rec("konseling_gizi", d));
    expect(pregnancyCounsellingCell(born, facts(born, three), "2025-09")).toBe("Y");
    expect(pregnancyCounsellingCell(born, facts(born, three), "2025-10")).toBe("T");
    const four = [...three, rec("konseling_gizi", "2025-09-25")];
    expect(pregnancyCounsellingCell(born, facts(born, four), "2025-10")).toBe("Y");
  });
});

describe("iron tablets: ≥ 90 taken in the pregnancy (BUKU 'minimal selama 90 hari')", () => {
  it("while pregnant: tablets this month keep it Y; once delivered only the total counts", () => {
    const monthly = [rec("ttd", "2025-04-10", 30), rec("ttd", "2025-05-10", 30)];
    expect(ttdCell(p, facts(p, monthly), "2025-05")).toBe("Y");
    expect(ttdCell(p, facts(p, monthly), "2025-06")).toBe("T"); // none this month, 60 < 90
    expect(ttdCell(born, facts(born, monthly), "2025-10")).toBe("T"); // delivered with 60
    const ninety = [...monthly, rec("ttd", "2025-06-10", 30)];
    expect(ttdCell(p, facts(p, ninety), "2025-08")).toBe("Y"); // 90 reached: Y from then on
    expect(ttdCell(born, facts(born, ninety), "2025-10")).toBe("Y");
    const eightyNine = [...monthly, rec("ttd", "2025-06-10", 29)];
    expect(ttdCell(born, facts(born, eightyNine), "2025-10")).toBe("T");
  });
});

describe("every cell explains itself", () => {
  it("an ANC recorded this month next to a T says which earlier visit is missing, the rule and its source", () => {
    const catalog = catalogForRegion("16.12");
    const ind = catalog.indicators.find((i) => i.code === "bumil_anc");
    if (!ind) throw new Error("no ANC indicator");
    const f = facts(p, [rec("anc", "2025-05-10")]); // a T2 visit this month, T1 was missed
    const e = explainCell(catalog, ind, f, "2025-05");
    expect(e.cell).toBe("T");
    expect(e.recorded).toEqual([
      { label: { id: "Pemeriksaan kehamilan", en: "Antenatal check" }, on: "2025-05-10" },
    ]);
    expect(e.due[0]).toEqual({
      label: { id: "1× di trimester I", en: "1× in T1" },
      by: "2025-04-01",
      met: false,
    });
    expect(e.rule.id).toContain("minimal 4 kali");
    expect(e.source).toContain("Permenkes 97/2014");
  });
  it("a TS says why the target is not in the indicator", () => {
    const catalog = catalogForRegion("64.01");
    const ind = catalog.indicators.find((i) => i.code === "anak_kunjungan");
    if (!ind) throw new Error("no home-visit indicator");
    const child: TargetFacts = {
      ...facts(p),
      pregnancy: null,
      birthDate: "2025-01-15",
      nutrition: [{ on: "2025-04-01", undernourished: false }],
    };
    const e = explainCell(catalog, ind, child, "2025-05");
    expect(e.cell).toBe("TS");
    expect(e.note?.id).toContain("bukan sasaran kunjungan rumah");
  });
});
