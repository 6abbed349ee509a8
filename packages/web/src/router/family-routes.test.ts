import { describe, expect, it } from "vitest";
import { familyPathFor, matchFamilyRoute } from "./family-routes";
import { matchRoute } from "./routes";

describe("family routes", () => {
  it("round-trip every route through its path", () => {
    for (const r of [
      { name: "families", code: "64.01.05.2003" },
      { name: "catinList", code: "64.01.05.2003" },
      { name: "tpkList", code: "64.01.05.2003" },
      { name: "auditCases", code: "64.01.05.2003" },
      { name: "family", id: "abc" },
      { name: "catin", id: "abc" },
      { name: "tpkTeam", id: "abc" },
      { name: "caseAudit", id: "abc" },
    ] as const) {
      expect(matchRoute(familyPathFor(r))).toEqual(r);
    }
  });
  it("leaves other paths alone", () => {
    expect(matchFamilyRoute(["wilayah", "64.01", "sasaran"])).toBeNull();
    expect(matchFamilyRoute(["keluarga"])).toBeNull();
    expect(matchRoute("/wilayah/64.01/sasaran")).toEqual({ name: "registry", code: "64.01" });
  });
});
