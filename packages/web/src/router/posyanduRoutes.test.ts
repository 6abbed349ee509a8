import { describe, expect, it } from "vitest";
import { matchRoute, pathFor, type Route } from "./routes";

describe("posyandu day and sync routes", () => {
  const routes: Exclude<Route, { name: "notFound" }>[] = [
    { name: "posyanduPick" },
    { name: "posyanduDay", code: "64.01.05.2003.P01" },
    { name: "posyanduChild", code: "64.01.05.2003.P01", id: "0190b3c4-1234-7abc-8def-0123456789ab" },
    { name: "posyanduNew", code: "64.01.05.2003.P01" },
    { name: "posyanduPregnancy", code: "64.01.05.2003.P01" },
    { name: "sync" },
  ];
  it("maps each path back to its route", () => {
    for (const r of routes) expect(matchRoute(pathFor(r))).toEqual(r);
  });
  it("unknown sub-pages are not found", () => {
    expect(matchRoute("/posyandu/64.01/lain")).toEqual({ name: "notFound" });
    expect(matchRoute("/posyandu/64.01/anak")).toEqual({ name: "notFound" });
    expect(matchRoute("/sinkron/x")).toEqual({ name: "notFound" });
  });
});
