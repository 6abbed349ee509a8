import { auditApi, authApi, regionsApi } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { ApiError, codeForStatus, createApiClient, errorFromResponse, parseRetryAfter } from "./client";

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  };
  return { fetch, calls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

function errorBody(code: string, message = "msg", field?: string) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error("expected the call to fail");
}

const me = { id: "u1", username: "kpm1", displayName: "Siti", assignments: [] };

describe("request shape", () => {
  it("sends JSON with same-origin credentials to /api", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user: me }));
    const api = createApiClient({ fetch });
    await expect(
      api.call(authApi.login, { body: { username: "kpm1", password: "rahasia" } }),
    ).resolves.toEqual({
      user: me,
    });
    expect(calls).toHaveLength(1);
    const call = calls[0] as Call;
    expect(call.url).toBe("/api/auth/login");
    expect(call.init.method).toBe("POST");
    expect(call.init.credentials).toBe("same-origin");
    expect((call.init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
    expect(JSON.parse(call.init.body as string)).toEqual({ username: "kpm1", password: "rahasia" });
  });

  it("URL-encodes region codes and builds the audit query", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { entries: [], nextBefore: null }));
    const api = createApiClient({ fetch });
    await api.call(regionsApi.view, { params: { code: "64.01/../x y" } });
    await api.call(auditApi.list, { query: { limit: 20, before: "abc 1" } });
    await api.call(auditApi.list, { query: {} });
    expect(calls.map((c) => c.url)).toEqual([
      "/api/regions/64.01%2F..%2Fx%20y",
      "/api/audit?limit=20&before=abc+1",
      "/api/audit",
    ]);
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it("resolves 204 responses to undefined", async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await expect(api.call(authApi.logout, {})).resolves.toBeUndefined();
    await expect(
      api.call(authApi.changePassword, {
        body: { currentPassword: "lama-sekali", newPassword: "baru-sekali-123" },
      }),
    ).resolves.toBeUndefined();
  });
});

describe("error mapping", () => {
  it("uses the code, message and field of the error body", async () => {
    const { fetch } = fakeFetch(() => json(400, errorBody("validation", "too short", "newPassword")));
    const e = await caught(
      createApiClient({ fetch }).call(authApi.changePassword, {
        body: { currentPassword: "a", newPassword: "b" },
      }),
    );
    expect(e).toMatchObject({ status: 400, code: "validation", message: "too short", field: "newPassword" });
  });

  it("maps wrong credentials on login without signalling an expired session", async () => {
    let expired = 0;
    const { fetch } = fakeFetch(() => json(401, errorBody("invalid_credentials")));
    const api = createApiClient({ fetch, onUnauthenticated: () => expired++ });
    const e = await caught(api.call(authApi.login, { body: { username: "x", password: "y" } }));
    expect(e).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(expired).toBe(0);
  });

  it("signals an expired session on 401 unauthenticated, except for login", async () => {
    const seen: ApiError[] = [];
    const { fetch } = fakeFetch(() => json(401, errorBody("unauthenticated")));
    const api = createApiClient({ fetch, onUnauthenticated: (e) => seen.push(e) });
    const e = await caught(api.call(authApi.me, {}));
    expect(e.code).toBe("unauthenticated");
    expect(seen).toEqual([e]);
    await caught(api.call(authApi.login, { body: { username: "a", password: "b" } }));
    expect(seen).toHaveLength(1);
  });

  it("does not treat a wrong current password (401 invalid_credentials) as an expired session", async () => {
    let expired = 0;
    const { fetch } = fakeFetch(() => json(401, errorBody("invalid_credentials")));
    const api = createApiClient({ fetch, onUnauthenticated: () => expired++ });
    expect(
      (
        await caught(
          api.call(authApi.changePassword, {
            body: { currentPassword: "salah", newPassword: "baru-sekali-123" },
          }),
        )
      ).code,
    ).toBe("invalid_credentials");
    expect(expired).toBe(0);
  });

  it("reads Retry-After seconds on 429", async () => {
    const { fetch } = fakeFetch(() => json(429, errorBody("too_many_requests"), { "Retry-After": "42" }));
    const e = await caught(
      createApiClient({ fetch }).call(authApi.login, { body: { username: "a", password: "b" } }),
    );
    expect(e).toMatchObject({ status: 429, code: "too_many_requests", retryAfterSeconds: 42 });
  });

  it("leaves retryAfterSeconds undefined when a 429 has no Retry-After", async () => {
    const { fetch } = fakeFetch(() => json(429, errorBody("too_many_requests")));
    const e = await caught(
      createApiClient({ fetch }).call(authApi.login, { body: { username: "a", password: "b" } }),
    );
    expect(e.retryAfterSeconds).toBeUndefined();
  });

  it("falls back to a code derived from the status when the body is not an error body", async () => {
    const cases: [number, string][] = [
      [400, "bad_request"],
      [401, "unauthenticated"],
      [403, "forbidden"],
      [404, "not_found"],
      [429, "too_many_requests"],
      [500, "internal"],
      [502, "internal"],
      [418, "http_error"],
    ];
    for (const [status, code] of cases) {
      const { fetch } = fakeFetch(() => new Response("<html>proxy error</html>", { status }));
      const e = await caught(createApiClient({ fetch }).call(regionsApi.view, { params: { code: "64.01" } }));
      expect(e.status).toBe(status);
      expect(e.code).toBe(code);
      expect(codeForStatus(status)).toBe(code);
    }
    const { fetch } = fakeFetch(() => json(404, { error: { message: "no code" } }));
    expect(
      (await caught(createApiClient({ fetch }).call(regionsApi.view, { params: { code: "64.01" } }))).code,
    ).toBe("not_found");
  });

  it("maps a fetch that throws to status 0 / network", async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError("Failed to fetch");
    });
    const e = await caught(createApiClient({ fetch }).call(authApi.me, {}));
    expect(e).toMatchObject({ status: 0, code: "network" });
  });

  it("maps an aborted request to status 0 / aborted", async () => {
    const { fetch } = fakeFetch(() => {
      throw new DOMException("The operation was aborted.", "AbortError");
    });
    const e = await caught(
      createApiClient({ fetch }).call(
        regionsApi.view,
        { params: { code: "64.01" } },
        { signal: new AbortController().signal },
      ),
    );
    expect(e).toMatchObject({ status: 0, code: "aborted" });
  });

  it("maps a 200 that is not JSON (e.g. the SPA's index.html) to bad_response", async () => {
    const { fetch } = fakeFetch(() => new Response("<!doctype html>", { status: 200 }));
    const e = await caught(createApiClient({ fetch }).call(authApi.me, {}));
    expect(e).toMatchObject({ status: 200, code: "bad_response" });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("accepts delta-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 120 ", now)).toBe(120);
  });
  it("accepts an HTTP date and never goes negative", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
  });
  it("ignores missing or garbage values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
  it("is applied by errorFromResponse only to 429/503", async () => {
    const r = new Response(null, { status: 500, headers: { "Retry-After": "9" } });
    expect((await errorFromResponse(r, now)).retryAfterSeconds).toBeUndefined();
  });
});
