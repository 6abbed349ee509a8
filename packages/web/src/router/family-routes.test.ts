import "./table";
import { describe, expect, it } from "vitest";
import { matchRoute, pathFor } from "./routes";

// A loop over routes of different shapes: the params are checked per route in the app, not here.
const anyPath = pathFor as (name: string, params?: object) => string;

describe("family routes", () => {
  it("round-trip every route through its path", () => {
    for (const [name, params] of [
      ["families", { code: "64.01.05.2003" }],
      ["catinList", { code: "64.01.05.2003" }],
      ["tpkList", { code: "64.01.05.2003" }],
      ["auditCases", { code: "64.01.05.2003" }],
      ["family", { id: "abc" }],
      ["catin", { id: "abc" }],
      ["tpkTeam", { id: "abc" }],
      ["caseAudit", { id: "abc" }],
    ] as const) {
      expect(matchRoute(anyPath(name, params))).toEqual({ name, params });
    }
  });
  it("builds their Indonesian paths and leaves other paths alone", () => {
    expect(pathFor("auditCases", { code: "64.01" })).toBe("/wilayah/64.01/audit-kasus");
    expect(pathFor("tpkTeam", { id: "t 1" })).toBe("/tpk/t%201");
    expect(matchRoute("/keluarga")).toEqual({ name: "notFound", params: {} });
    expect(matchRoute("/keluarga/%20")).toEqual({ name: "notFound", params: {} });
    expect(matchRoute("/wilayah/64.01/sasaran")).toEqual({ name: "registry", params: { code: "64.01" } });
  });
});
