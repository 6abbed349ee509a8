import { describe, expect, it } from "vitest";
import {
  duplicatesPath,
  IMPORT_PATH,
  INDICATORS_PATH,
  loginPath,
  matchRoute,
  POSYANDU_PATH,
  pathFor,
  personPath,
  regionPath,
  registerPath,
  registryPath,
  routeNamed,
  SYNC_PATH,
  safeNext,
} from "./routes";
import { ROUTES } from "./table";

// A loop over routes of different shapes: the params are checked per route in the app, not here.
const anyPath = pathFor as (name: string, params?: object) => string;

describe("matchRoute", () => {
  it("matches the fixed pages", () => {
    expect(matchRoute("/")).toEqual({ name: "home", params: {} });
    expect(matchRoute("/index.html")).toEqual({ name: "home", params: {} });
    expect(matchRoute("/audit")).toEqual({ name: "audit", params: {} });
    expect(matchRoute("/audit/")).toEqual({ name: "audit", params: {} });
    expect(matchRoute("/login")).toEqual({ name: "login", params: { next: "/" } });
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
      expect(matchRoute(`/wilayah/${code}`)).toEqual({ name: "region", params: { code } });
    }
    expect(matchRoute("/wilayah/64.01.01/")).toEqual({ name: "region", params: { code: "64.01.01" } });
  });

  it("decodes percent-encoded codes and rejects malformed ones", () => {
    expect(matchRoute("/wilayah/64.01%20X")).toEqual({ name: "region", params: { code: "64.01 X" } });
    expect(matchRoute("/wilayah/%E0%A4%A")).toEqual({ name: "notFound", params: {} });
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
      expect(matchRoute(p)).toEqual({ name: "notFound", params: {} });
    }
    expect(matchRoute("/wilayah/%20")).toEqual({ name: "notFound", params: {} });
  });

  it("reads a safe next destination for login", () => {
    expect(matchRoute("/login", "?next=%2Fwilayah%2F64.01")).toEqual({
      name: "login",
      params: { next: "/wilayah/64.01" },
    });
    expect(matchRoute("/login", "?next=https%3A%2F%2Fevil.example")).toEqual({
      name: "login",
      params: { next: "/" },
    });
  });
});

describe("pathFor", () => {
  it("round-trips through matchRoute", () => {
    const routes = [
      ["home", {}],
      ["audit", {}],
      ["region", { code: "64.01.05.2003.P01" }],
      ["region", { code: "a/b?c#d e" }],
      ["login", { next: "/" }],
      ["login", { next: "/wilayah/64.01?x=1" }],
      ["registry", { code: "64.01.05.2003.P01" }],
      ["register", { code: "64.01.05.2003" }],
      ["duplicates", { code: "a/b c" }],
      ["person", { id: "0b7c6a8e-3c1f-4c57-9d1e-2f4a1b2c3d4e" }],
      ["import", {}],
      ["indicatorCatalog", {}],
    ] as const;
    for (const [name, params] of routes) {
      const url = new URL(anyPath(name, params), "http://localhost");
      expect(matchRoute(url.pathname, url.search)).toEqual({ name, params });
    }
  });

  it("builds readable paths", () => {
    expect(regionPath("64.01.01")).toBe("/wilayah/64.01.01");
    expect(registryPath("64.01.05.2003")).toBe("/wilayah/64.01.05.2003/sasaran");
    expect(registerPath("64.01.05.2003.D01")).toBe("/wilayah/64.01.05.2003.D01/daftar");
    expect(duplicatesPath("64.01.05.2003")).toBe("/wilayah/64.01.05.2003/duplikat");
    expect(personPath("p-1")).toBe("/anak/p-1");
    expect(matchRoute("/impor")).toEqual({ name: "import", params: {} });
    expect(pathFor("import")).toBe(IMPORT_PATH);
    expect(pathFor("indicatorCatalog")).toBe(INDICATORS_PATH);
    expect(pathFor("posyanduPick")).toBe(POSYANDU_PATH);
    expect(pathFor("sync")).toBe(SYNC_PATH);
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

describe("the route table", () => {
  it("names each route once and gives no two routes the same path", () => {
    const names = ROUTES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const shapes = ROUTES.map((r) => r.path.replace(/:\w+/g, ":"));
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it("matches each route's own path to it", () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/:\w+/g, "2025");
      expect(matchRoute(path).name, path).toBe(route.name);
    }
  });

  it("lays out tables and dashboards wide, everything else in a phone column", () => {
    const wide = ROUTES.filter((r) => routeNamed(r.name)?.layout === "wide").map((r) => r.name);
    expect(wide.sort()).toEqual([
      "assessment",
      "audit",
      "indicators",
      "planningOverview",
      "publication",
      "scorecard",
      "skdn",
      "tika",
      "users",
    ]);
    expect(ROUTES.filter((r) => routeNamed(r.name)?.public).map((r) => r.name)).toEqual(["publication"]);
  });
});
