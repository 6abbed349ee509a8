import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApi } from "../testing/api";
import { freshDatabase } from "../testing/dialects";

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

/**
 * Every route the server registers — read from the router itself, not from core's contract, so a route
 * added with app.get() outside `mount()` is caught too — is in the OpenAPI document with a schema for its
 * success response (issue 16: "every route's response has a schema in the OpenAPI document").
 */
describe("the OpenAPI document covers every route", () => {
  let routes: { method: string; path: string }[];
  let doc: { paths: Record<string, Record<string, Operation>> };
  let close: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabase("sqlite");
    const api = await testApi(db);
    // The router's tree: "├── /api/x/:id (GET, HEAD)", a child's line indented by 4 more characters and
    // holding the rest of its path. HEAD is fastify's automatic twin of GET.
    const stack: string[] = [];
    routes = api.app
      .printRoutes({ commonPrefix: false })
      .split("\n")
      .flatMap((line) => {
        const m = /^(.*?)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
        if (!m) return [];
        const depth = (m[1] ?? "").length / 4;
        stack.length = depth;
        const path = (stack[depth - 1] ?? "") + (m[2] ?? "");
        stack.push(path);
        return (m[3] ?? "")
          .split(", ")
          .filter((method) => method !== "" && method !== "HEAD" && method !== "OPTIONS")
          .map((method) => ({ method, path }));
      });
    doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    close = async () => {
      await api.app.close();
      await db.close();
    };
  });
  afterAll(() => close());

  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toContainEqual({ method: "GET", path: "/api/imports/jobs/:id/rejections.csv" });
    expect(routes).toContainEqual({ method: "GET", path: "/api/public/publication/:year/csv" });
  });

  it("every API route has a success response with a schema", () => {
    const lacking: string[] = [];
    for (const { method, path } of routes) {
      // The document itself and the web app's files are not API routes.
      if (!path.startsWith("/api/") || path === "/api/openapi.json") continue;
      const op = doc.paths[path.replace(/:([A-Za-z_]\w*)/g, "{$1}")]?.[method.toLowerCase()];
      const success = Object.entries(op?.responses ?? {}).filter(([status]) => status.startsWith("2"));
      const described = success.some(
        ([status, r]) =>
          status === "204" ||
          Object.values(r.content ?? {}).some(
            (c) => c.schema !== undefined && Object.keys(c.schema).length > 0,
          ),
      );
      if (!described) lacking.push(`${method} ${path}`);
    }
    expect(lacking).toEqual([]);
  });
});
