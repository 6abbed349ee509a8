import { describe, expect, it } from "vitest";
import { type Actor, canRead, hasPowerAt, readScopes, scopesWithPower } from "./scope";

const actor = (assignments: Actor["assignments"]): Actor => ({
  userId: "u",
  username: "u",
  displayName: "U",
  assignments,
});

describe("scopes", () => {
  it("a KPM of one desa reads that desa and its posyandu, not the neighbour", () => {
    const kpm = actor([{ role: "kpm", scope: "64.01.05.2003" }]);
    expect(canRead(kpm, "64.01.05.2003")).toBe(true);
    expect(canRead(kpm, "64.01.05.2003.P01")).toBe(true);
    expect(canRead(kpm, "64.01.05.2004")).toBe(false);
    expect(canRead(kpm, "64.01.05")).toBe(false);
  });

  it("a TPPS kecamatan reads every desa of its kecamatan and none of another", () => {
    const tpps = actor([{ role: "tpps_kecamatan", scope: "64.01.05" }]);
    expect(canRead(tpps, "64.01.05.2003")).toBe(true);
    expect(canRead(tpps, "64.01.06.2001")).toBe(false);
  });

  it("collapses nested scopes to the widest", () => {
    const a = actor([
      { role: "viewer", scope: "64.01.05.2003" },
      { role: "tpps_kecamatan", scope: "64.01.05" },
      { role: "kpm", scope: "16.12.01.2001" },
    ]);
    expect(readScopes(a).sort()).toEqual(["16.12.01.2001", "64.01.05"]);
  });

  it("powers follow the role of the assignment, not any role the user holds", () => {
    const a = actor([
      { role: "admin_kabupaten", scope: "64.01" },
      { role: "viewer", scope: "16.12" },
    ]);
    expect(scopesWithPower(a, "readAudit")).toEqual(["64.01"]);
    expect(hasPowerAt(a, "write", "16.12.01")).toBe(false);
    expect(hasPowerAt(a, "write", "64.01.01")).toBe(true);
  });
});
