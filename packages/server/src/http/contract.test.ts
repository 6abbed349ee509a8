import type { Endpoint } from "@tumbuh/core";
import * as core from "@tumbuh/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApi } from "../testing/api";
import { freshDatabase } from "../testing/dialects";

/** Every endpoint declared in core's contract: the `<feature>Api` objects. */
function coreEndpoints(): { name: string; ep: Endpoint }[] {
  const out: { name: string; ep: Endpoint }[] = [];
  for (const [exported, value] of Object.entries(core)) {
    if (!exported.endsWith("Api") || typeof value !== "object" || value === null) continue;
    for (const [key, ep] of Object.entries(value as Record<string, Endpoint>))
      if (typeof ep?.path === "string" && typeof ep.method === "string")
        out.push({ name: `${exported}.${key}`, ep });
  }
  return out;
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, "{$1}");

describe("the API contract", () => {
  let doc: { paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>> };
  let close: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabase("sqlite");
    const api = await testApi(db);
    doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    close = async () => {
      await api.app.close();
      await db.close();
    };
  });
  afterAll(() => close());

  it("mounts every endpoint core declares, at its method and path", () => {
    const endpoints = coreEndpoints();
    expect(endpoints.length).toBeGreaterThan(10);
    const missing = endpoints.filter(({ ep }) => !doc.paths[openApiPath(ep.path)]?.[ep.method.toLowerCase()]);
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  it("documents a success response schema for every API route", () => {
    const without: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/")) continue;
      for (const [method, op] of Object.entries(ops)) {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith("2"));
        const described = success.some(([status, r]) => status === "204" || r.content !== undefined);
        if (!described) without.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(without).toEqual([]);
  });
});
