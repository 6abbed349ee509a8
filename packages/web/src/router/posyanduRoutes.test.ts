import "./table";
import { describe, expect, it } from "vitest";
import { matchRoute, pathFor } from "./routes";

// A loop over routes of different shapes: the params are checked per route in the app, not here.
const anyPath = pathFor as (name: string, params?: object) => string;

describe("posyandu day and sync routes", () => {
  const routes = [
    ["posyanduPick", {}],
    ["posyanduDay", { code: "64.01.05.2003.P01" }],
    ["posyanduChild", { code: "64.01.05.2003.P01", id: "0190b3c4-1234-7abc-8def-0123456789ab" }],
    ["posyanduNew", { code: "64.01.05.2003.P01" }],
    ["posyanduPregnancy", { code: "64.01.05.2003.P01" }],
    ["sync", {}],
  ] as const;
  it("maps each path back to its route", () => {
    for (const [name, params] of routes) expect(matchRoute(anyPath(name, params))).toEqual({ name, params });
  });
  it("unknown sub-pages are not found", () => {
    expect(matchRoute("/posyandu/64.01/lain")).toEqual({ name: "notFound", params: {} });
    expect(matchRoute("/posyandu/64.01/anak")).toEqual({ name: "notFound", params: {} });
    expect(matchRoute("/sinkron/x")).toEqual({ name: "notFound", params: {} });
  });
});
