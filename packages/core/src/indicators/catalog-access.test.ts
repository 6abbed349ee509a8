import { describe, expect, it } from "vitest";
import type { Role } from "../roles";
import type { Actor } from "../scope";
import { catalogRegencyFor, mayEditCatalog, mayReadCatalog, regencyOfCode } from "./catalog-access";

const actor = (...assignments: Array<[Role, string]>): Actor => ({
  userId: "u",
  username: "u",
  displayName: "U",
  assignments: assignments.map(([role, scope]) => ({ role, scope })),
});

describe("catalog access", () => {
  it("finds the regency of a code at any level below it", () => {
    expect(regencyOfCode("64.01.05.2003.P01")).toBe("64.01");
    expect(regencyOfCode("64.01")).toBe("64.01");
    expect(regencyOfCode("64")).toBeNull();
  });

  it("defaults to the regency the actor is assigned in; asks when it cannot tell", () => {
    expect(catalogRegencyFor(actor(["kader_posyandu", "64.01.05.2003.P01"]))).toBe("64.01");
    expect(catalogRegencyFor(actor(["opd", "64.01"], ["bidan", "64.01.05.2003"]))).toBe("64.01");
    expect(catalogRegencyFor(actor(["opd", "64.01"], ["opd", "16.12"]))).toBeNull();
    expect(catalogRegencyFor(actor(["admin_kabupaten", ""]))).toBeNull();
    expect(catalogRegencyFor(actor(["admin_kabupaten", ""]), "16.12")).toBe("16.12");
  });

  it("lets anyone in or above the regency read, nobody from another regency", () => {
    expect(mayReadCatalog(actor(["kader_posyandu", "64.01.05.2003.P01"]), "64.01")).toBe(true);
    expect(mayReadCatalog(actor(["viewer", "64"]), "64.01")).toBe(true);
    expect(mayReadCatalog(actor(["opd", "64.01"]), "64.010")).toBe(false);
    expect(mayReadCatalog(actor(["opd", "16.12"]), "64.01")).toBe(false);
  });

  it("lets only an admin_kabupaten covering the regency edit", () => {
    expect(mayEditCatalog(actor(["admin_kabupaten", "64.01"]), "64.01")).toBe(true);
    expect(mayEditCatalog(actor(["admin_kabupaten", ""]), "64.01")).toBe(true);
    expect(mayEditCatalog(actor(["admin_kabupaten", "64.01.05"]), "64.01")).toBe(false);
    expect(mayEditCatalog(actor(["tpps_kabupaten", "64.01"]), "64.01")).toBe(false);
    expect(mayEditCatalog(actor(["admin_kabupaten", "16.12"]), "64.01")).toBe(false);
  });
});
