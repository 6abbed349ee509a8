import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { missingEvidence } from "./evidence";
import {
  type CycleKind,
  checkTransition,
  currentStage,
  cycleComplete,
  STAGE_STATUSES,
  type StageCode,
  type StageStatuses,
  stagesOf,
  startableStages,
} from "./stages";

const done = (codes: StageCode[]): StageStatuses => Object.fromEntries(codes.map((c) => [c, "selesai"]));

describe("planning cycle state machine", () => {
  it("a fresh desa cycle can only start with sosialisasi", () => {
    expect(startableStages("desa", {})).toEqual(["sosialisasi"]);
    expect(checkTransition("desa", {}, "pemetaan_sosial", "berjalan")).toEqual({
      reason: "waiting_for",
      stages: ["sosialisasi"],
    });
  });

  it("the rembuk waits for the inter-village FGD until it is finished or skipped (PALI Pasal 11(2))", () => {
    const s = done(["sosialisasi", "pemetaan_sosial", "fgd_desa"]);
    expect(checkTransition("desa", s, "rembuk", "berjalan")).toEqual({
      reason: "waiting_for",
      stages: ["fgd_antar_desa"],
    });
    expect(checkTransition("desa", s, "fgd_antar_desa", "dilewati")).toBeNull();
    expect(checkTransition("desa", { ...s, fgd_antar_desa: "dilewati" }, "rembuk", "berjalan")).toBeNull();
  });

  it("a required stage cannot be skipped", () => {
    expect(checkTransition("desa", done(["sosialisasi"]), "pemetaan_sosial", "dilewati")).toEqual({
      reason: "not_optional",
    });
  });

  it("the campaign may run before the rembuk, once the FGD results exist (PALI Lampiran I no. 5)", () => {
    const s = done(["sosialisasi", "pemetaan_sosial", "fgd_desa"]);
    expect(startableStages("desa", s)).toEqual(["fgd_antar_desa", "kampanye"]);
  });

  it("a kelurahan goes to the Musrenbang and the APBD, not to RKP Desa and APB Desa (Paser Pasal 26(3), 27(2))", () => {
    const codes = stagesOf("kelurahan").map((s) => s.code);
    expect(codes).not.toContain("rkp_desa");
    expect(codes).not.toContain("apb_desa");
    expect(codes.slice(-2)).toEqual(["usulan_kelurahan", "apbd"]);
    expect(checkTransition("kelurahan", {}, "rkp_desa", "berjalan")).toEqual({ reason: "unknown_stage" });
  });

  it("re-opening a stage is refused while a later stage has started", () => {
    const s: StageStatuses = { ...done(["sosialisasi", "pemetaan_sosial"]), fgd_desa: "berjalan" };
    expect(checkTransition("desa", s, "pemetaan_sosial", "berjalan")).toEqual({
      reason: "later_stage_started",
      stages: ["fgd_desa"],
    });
    expect(checkTransition("desa", { ...s, fgd_desa: "belum" }, "pemetaan_sosial", "berjalan")).toBeNull();
  });

  it("complete only when every required stage is finished; the optional one may be skipped", () => {
    const all = stagesOf("desa").map((s) => s.code);
    expect(cycleComplete("desa", done(all))).toBe(true);
    expect(cycleComplete("desa", { ...done(all), fgd_antar_desa: "dilewati" })).toBe(true);
    expect(cycleComplete("desa", { ...done(all), apb_desa: "berjalan" })).toBe(false);
    expect(currentStage("desa", { ...done(all), apb_desa: "berjalan" })).toBe("apb_desa");
    expect(currentStage("desa", done(all))).toBeNull();
  });

  it("property: whatever moves are attempted, no stage is started while a required predecessor is not finished", () => {
    const kinds: CycleKind[] = ["desa", "kelurahan"];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...STAGE_STATUSES)), { maxLength: 80 }),
        (kind, moves) => {
          const rules = stagesOf(kind);
          const s: StageStatuses = {};
          for (const [i, to] of moves) {
            const code = (rules[i % rules.length] as (typeof rules)[number]).code;
            if (checkTransition(kind, s, code, to) === null) s[code] = to;
          }
          for (const rule of rules) {
            const st = s[rule.code] ?? "belum";
            if (st === "dilewati") expect(rule.optional).toBe(true);
            if (st === "berjalan" || st === "selesai") {
              for (const p of rule.after) {
                const ps = s[p] ?? "belum";
                expect(ps === "selesai" || ps === "dilewati", `${rule.code} ${st} but ${p} ${ps}`).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("evidence a stage needs before it is finished", () => {
  const none = {
    meetingKinds: [],
    rembukSignatorySides: [],
    proposals: 0,
    rankedProposals: 0,
    campaigns: 0,
    proposalsInPlan: 0,
    budgetRecorded: false,
  };
  it("the rembuk needs its meeting, the three signing sides (PALI Pasal 12(3), Paser Pasal 32(5)) and every proposal ranked", () => {
    expect(missingEvidence("rembuk", none)).toEqual([
      "meeting_rembuk",
      "signatory_rds",
      "signatory_masyarakat",
      "signatory_pemerintah",
      "proposals_ranked",
    ]);
    const e = {
      ...none,
      meetingKinds: ["rembuk"],
      rembukSignatorySides: ["rds", "masyarakat"] as const,
      proposals: 3,
      rankedProposals: 2,
    };
    expect(missingEvidence("rembuk", { ...e, rembukSignatorySides: [...e.rembukSignatorySides] })).toEqual([
      "signatory_pemerintah",
      "proposals_ranked",
    ]);
    expect(
      missingEvidence("rembuk", {
        ...e,
        rembukSignatorySides: ["rds", "masyarakat", "pemerintah"],
        rankedProposals: 3,
      }),
    ).toEqual([]);
  });
  it("sosialisasi and advokasi need nothing beyond their status", () => {
    expect(missingEvidence("sosialisasi", none)).toEqual([]);
    expect(missingEvidence("advokasi", none)).toEqual([]);
  });
});
