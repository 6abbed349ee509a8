import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import {
  adminRegion,
  normalizeUsername,
  userFailure,
  validateAssignments,
  validateNewUser,
} from "./userAdmin";

describe("adminRegion", () => {
  it("opens on the first regency the user administers", () => {
    expect(
      adminRegion([
        { role: "viewer", scope: "64.02" },
        { role: "admin_kabupaten", scope: "64.01" },
      ]),
    ).toBe("64.01");
    expect(adminRegion([{ role: "kpm", scope: "64.01.05.2003" }])).toBeNull();
  });
});

describe("the new user form", () => {
  const ok = {
    username: "Kader.Melati2 ",
    displayName: "Siti",
    role: "kader_posyandu" as const,
    scope: "64.01.05.2003.P01",
  };

  it("accepts a complete form, lowering the username", () => {
    expect(validateNewUser(ok)).toEqual({});
    expect(normalizeUsername(ok.username)).toBe("kader.melati2");
  });

  it("names each missing or malformed field", () => {
    expect(validateNewUser({ username: "", displayName: " ", role: "", scope: "" })).toEqual({
      username: { key: "v.required" },
      displayName: { key: "v.required" },
      "role.0": { key: "v.choose" },
      "scope.0": { key: "v.required" },
    });
    expect(validateNewUser({ ...ok, username: "a b", scope: "Paser" })).toEqual({
      username: { key: "users.v.username" },
      "scope.0": { key: "users.v.region" },
    });
  });

  it("checks every assignment row by its place", () => {
    expect(
      validateAssignments([
        { role: "kpm", scope: "64.01.05.2003" },
        { role: "", scope: "64.01.05.99" },
      ]),
    ).toEqual({ "role.1": { key: "v.choose" }, "scope.1": { key: "users.v.region" } });
  });
});

describe("userFailure", () => {
  it("puts a taken username next to the field", () => {
    expect(userFailure(new ApiError(409, "conflict", "username is taken", "username"))).toEqual({
      message: "users.fixErrors",
      fields: { username: { key: "users.v.usernameTaken" } },
    });
  });

  it("puts an unknown region next to its row", () => {
    expect(
      userFailure(new ApiError(400, "validation", "region does not exist", "assignments.1.scope")),
    ).toEqual({
      message: "users.fixErrors",
      fields: { "scope.1": { key: "users.v.regionUnknown" } },
    });
  });

  it("explains the refusals about one's own account", () => {
    expect(userFailure(new ApiError(400, "validation", "x", "active")).message).toBe("users.selfDeactivate");
    expect(userFailure(new ApiError(400, "validation", "x", "assignments")).message).toBe("users.selfAdmin");
  });

  it("says offline, out of scope, gone, or the general message", () => {
    expect(userFailure(new ApiError(0, "network", "x")).message).toBe("users.offline");
    expect(userFailure(new ApiError(403, "forbidden", "x")).message).toBe("users.outOfScope");
    expect(userFailure(new ApiError(404, "not_found", "x")).message).toBe("users.gone");
    expect(userFailure(new ApiError(500, "internal", "boom"))).toEqual({
      message: "error.server",
      fields: {},
    });
    expect(userFailure(new Error("boom")).message).toBe("error.unknown");
  });
});
