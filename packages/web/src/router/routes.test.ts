import { describe, expect, it } from "vitest";
import {
  duplicatesPath,
  loginPath,
  matchRoute,
  pathFor,
  personPath,
  regionPath,
  registerPath,
  registryPath,
  safeNext,
} from "./routes";

describe("matchRoute", () => {
  it("matches the fixed pages", () => {
    expect(matchRoute("/")).toEqual({ name: "home" });
    expect(matchRoute("/index.html")).toEqual({ name: "home" });
    expect(matchRoute("/audit")).toEqual({ name: "audit" });
    expect(matchRoute("/audit/")).toEqual({ name: "audit" });
    expect(matchRoute("/login")).toEqual({ name: "login", next: "/" });
  });

  it("matches region codes of every level, including dotted and dusun/posyandu codes", () => {
    for (const code of [
      "64",
      "64.01",
      "64.01.05",
      "64.01.05.2003",
      "64.01.05.2003.D01",
      "64.01.05.2003.P01",
    ]) {
      expect(matchRoute(`/wilayah/${code}`)).toEqual({ name: "region", code });
    }
    expect(matchRoute("/wilayah/64.01.01/")).toEqual({ name: "region", code: "64.01.01" });
  });

  it("decodes percent-encoded codes and rejects malformed ones", () => {
    expect(matchRoute("/wilayah/64.01%20X")).toEqual({ name: "region", code: "64.01 X" });
    expect(matchRoute("/wilayah/%E0%A4%A")).toEqual({ name: "notFound" });
  });

  it("returns notFound for unknown or malformed paths", () => {
    for (const p of [
      "/wilayah",
      "/wilayah/",
      "/wilayah/64/01",
      "/wilayah/64.01/sasaran/x",
      "/wilayah/64.01/toString",
      "/wilayah/%20/sasaran",
      "/anak",
      "/anak/a/b",
      "/impor/x",
      "/audit/x",
      "/login/x",
      "/nope",
      "/%20",
    ]) {
      expect(matchRoute(p)).toEqual({ name: "notFound" });
    }
    expect(matchRoute("/wilayah/%20")).toEqual({ name: "notFound" });
  });

  it("reads a safe next destination for login", () => {
    expect(matchRoute("/login", "?next=%2Fwilayah%2F64.01")).toEqual({
      name: "login",
      next: "/wilayah/64.01",
    });
    expect(matchRoute("/login", "?next=https%3A%2F%2Fevil.example")).toEqual({ name: "login", next: "/" });
  });
});

describe("pathFor", () => {
  it("round-trips through matchRoute", () => {
    const routes = [
      { name: "home" },
      { name: "audit" },
      { name: "region", code: "64.01.05.2003.P01" },
      { name: "region", code: "a/b?c#d e" },
      { name: "login", next: "/" },
      { name: "login", next: "/wilayah/64.01?x=1" },
      { name: "registry", code: "64.01.05.2003.P01" },
      { name: "register", code: "64.01.05.2003" },
      { name: "duplicates", code: "a/b c" },
      { name: "person", id: "0b7c6a8e-3c1f-4c57-9d1e-2f4a1b2c3d4e" },
      { name: "import" },
      { name: "indicatorCatalog" },
    ] as const;
    for (const route of routes) {
      const url = new URL(pathFor(route), "http://localhost");
      expect(matchRoute(url.pathname, url.search)).toEqual(route);
    }
  });

  it("builds readable paths", () => {
    expect(regionPath("64.01.01")).toBe("/wilayah/64.01.01");
    expect(registryPath("64.01.05.2003")).toBe("/wilayah/64.01.05.2003/sasaran");
    expect(registerPath("64.01.05.2003.D01")).toBe("/wilayah/64.01.05.2003.D01/daftar");
    expect(duplicatesPath("64.01.05.2003")).toBe("/wilayah/64.01.05.2003/duplikat");
    expect(personPath("p-1")).toBe("/anak/p-1");
    expect(matchRoute("/impor")).toEqual({ name: "import" });
    expect(loginPath("/audit")).toBe("/login?next=%2Faudit");
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("//evil.example")).toBe("/login");
  });
});

describe("safeNext", () => {
  it("keeps same-origin paths", () => {
    expect(safeNext("/wilayah/64.01")).toBe("/wilayah/64.01");
    expect(safeNext("/audit?x=1#y")).toBe("/audit?x=1#y");
  });
  it("rejects everything that could leave the site or loop", () => {
    for (const bad of [
      null,
      undefined,
      "",
      "wilayah",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/login",
      "/login?next=/x",
      "/a\nb",
    ]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
