import { describe, expect, it } from "vitest";
import { indicatorsPath, matchRoute, pathFor, publicationPath } from "./routes";

describe("indicator routes", () => {
  it("round-trip the dashboard with period and agency, and the public publication", () => {
    for (const route of [
      { name: "indicators", code: "64.01", period: null, agency: null },
      { name: "indicators", code: "64.01.05.2003", period: "2025-06", agency: "Dinas PUPR" },
      { name: "indicators", code: "64.01.05", period: "2025", agency: null },
      { name: "publication", year: 2025 },
    ] as const) {
      const url = new URL(pathFor(route), "http://localhost");
      expect(matchRoute(url.pathname, url.search)).toEqual(route);
    }
  });
  it("builds Indonesian paths and ignores a malformed period", () => {
    expect(indicatorsPath("64.01", "2025-06")).toBe("/wilayah/64.01/indikator?periode=2025-06");
    expect(publicationPath(2025)).toBe("/publikasi/2025");
    expect(matchRoute("/wilayah/64.01/indikator", "?periode=2025-13")).toMatchObject({ period: null });
    expect(matchRoute("/publikasi/abcd")).toEqual({ name: "notFound" });
  });
});
