import "./table";
import { describe, expect, it } from "vitest";
import { indicatorsPath, matchRoute, pathFor, publicationPath, routeNamed } from "./routes";

// A loop over routes of different shapes: the params are checked per route in the app, not here.
const anyPath = pathFor as (name: string, params?: object) => string;

describe("indicator routes", () => {
  it("round-trip the dashboard with period and agency, and the public publication", () => {
    for (const [name, params] of [
      ["indicators", { code: "64.01", period: null, agency: null }],
      ["indicators", { code: "64.01.05.2003", period: "2025-06", agency: "Dinas PUPR" }],
      ["indicators", { code: "64.01.05", period: "2025", agency: null }],
      ["publication", { year: "2025" }],
    ] as const) {
      const url = new URL(anyPath(name, params), "http://localhost");
      expect(matchRoute(url.pathname, url.search)).toEqual({ name, params });
    }
  });
  it("builds Indonesian paths and ignores a malformed period", () => {
    expect(indicatorsPath("64.01", "2025-06")).toBe("/wilayah/64.01/indikator?periode=2025-06");
    expect(publicationPath(2025)).toBe("/publikasi/2025");
    expect(matchRoute("/wilayah/64.01/indikator", "?periode=2025-13").params).toMatchObject({ period: null });
    expect(matchRoute("/wilayah/64.01/indikator", "?opd=").params).toMatchObject({ agency: null });
    expect(matchRoute("/publikasi/abcd")).toEqual({ name: "notFound", params: {} });
  });
  it("shows the publication without sign-in, wide; the dashboard wide but signed in", () => {
    expect(routeNamed("publication")).toMatchObject({ public: true, layout: "wide" });
    expect(routeNamed("indicators")?.public).toBeUndefined();
    expect(routeNamed("indicators")?.layout).toBe("wide");
    expect(routeNamed("indicatorCatalog")?.layout).toBeUndefined();
  });
});
