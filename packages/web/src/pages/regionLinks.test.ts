import { ROLE_POWERS, ROLES } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { canWrite, registryLinks } from "./regionLinks";

const desa = { code: "64.01.05.2003", level: "desa" as const };

describe("registry entry points on a region page", () => {
  it("agrees with core's write power for every role", () => {
    for (const role of ROLES) expect(canWrite(role), role).toBe(ROLE_POWERS[role].write);
  });

  it("shows lists, registration and duplicates at desa, dusun and posyandu for writers", () => {
    const kader = [{ role: "kader_posyandu" as const, scope: "64.01.05.2003", scopeLevel: "desa" as const }];
    expect(registryLinks(desa, kader)).toEqual({
      lists: true,
      register: true,
      duplicates: true,
      import: true,
    });
    const posyandu = { code: "64.01.05.2003.P01", level: "posyandu" as const };
    expect(registryLinks(posyandu, kader)).toEqual({
      lists: true,
      register: true,
      duplicates: true,
      import: false,
    });
  });

  it("gives a viewer the lists only", () => {
    const viewer = [{ role: "viewer" as const, scope: "64.01", scopeLevel: "kabupaten" as const }];
    expect(registryLinks(desa, viewer)).toEqual({
      lists: true,
      register: false,
      duplicates: false,
      import: false,
    });
  });

  it("offers the import to regency, kecamatan and desa users at those levels", () => {
    const dinkes = [{ role: "opd" as const, scope: "64.01", scopeLevel: "kabupaten" as const }];
    expect(registryLinks({ code: "64.01", level: "kabupaten" }, dinkes).import).toBe(true);
    expect(registryLinks({ code: "64.01.05", level: "kecamatan" }, dinkes)).toEqual({
      lists: false,
      register: false,
      duplicates: false,
      import: true,
    });
    const posyanduCadre = [
      { role: "kader_posyandu" as const, scope: "64.01.05.2003.P01", scopeLevel: "posyandu" as const },
    ];
    expect(registryLinks({ code: "64.01.05.2003.P01", level: "posyandu" }, posyanduCadre).import).toBe(false);
  });

  it("does not treat 64.010 as inside 64.01", () => {
    const other = [{ role: "kpm" as const, scope: "64.01.05.200", scopeLevel: "desa" as const }];
    expect(registryLinks(desa, other).register).toBe(false);
  });
});
