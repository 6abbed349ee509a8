import {
  duplicatesApi,
  householdsApi,
  importsApi,
  measurementsApi,
  PosyanduSessionConflict,
  personsApi,
  pregnanciesApi,
} from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "./client";

// The registry's endpoints (core's contract) as the web client sends them: the URLs, methods and bodies
// the server's routes expect.

function recorder(respond: (url: string, init: RequestInit) => Response = () => json(200, {})) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { api: createApiClient({ fetch }), calls };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const ID = "01973a4e-8b1c-7d2e-9f3a-4b5c6d7e8f90";

describe("registry endpoints", () => {
  it("builds the read URLs", async () => {
    const { api, calls } = recorder();
    await api.call(personsApi.search, { query: { region: "64.01.05.2003", q: "siti aminah", limit: 50 } });
    await api.call(personsApi.search, { query: { region: "64.01.05.2003.P01", limit: 20 } });
    await api.call(personsApi.view, { params: { id: ID } });
    await api.call(personsApi.chart, { params: { id: ID }, query: { indicator: "bbtb" } });
    await api.call(measurementsApi.lists, { params: { code: "64.01.05.2003" }, query: { month: "2026-11" } });
    await api.call(duplicatesApi.list, { params: { code: "64.01.05.2003" } });
    await api.call(householdsApi.view, { params: { id: ID } });
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ["GET", "/api/persons?region=64.01.05.2003&q=siti+aminah&limit=50"],
      ["GET", "/api/persons?region=64.01.05.2003.P01&limit=20"],
      ["GET", `/api/persons/${ID}`],
      ["GET", `/api/persons/${ID}/chart?indicator=bbtb`],
      ["GET", "/api/regions/64.01.05.2003/registry-lists?month=2026-11"],
      ["GET", "/api/regions/64.01.05.2003/duplicates"],
      ["GET", `/api/households/${ID}`],
    ]);
  });

  it("sends writes as JSON with the right method", async () => {
    const { api, calls } = recorder((_, init) =>
      init.method === "POST" && String(init.body).includes("keepId")
        ? json(200, { mergeId: "m1" })
        : json(200, {}),
    );
    await api.call(personsApi.update, { params: { id: ID }, body: { revision: 3, name: "Aisyah" } });
    await api.call(pregnanciesApi.end, {
      params: { id: ID },
      body: { endedOn: "2026-11-01", outcome: "lahir_hidup" },
    });
    await expect(api.call(duplicatesApi.merge, { body: { keepId: "a", mergeId: "b" } })).resolves.toEqual({
      mergeId: "m1",
    });
    expect(calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      ["PATCH", `/api/persons/${ID}`, JSON.stringify({ revision: 3, name: "Aisyah" })],
      [
        "POST",
        `/api/pregnancies/${ID}/end`,
        JSON.stringify({ endedOn: "2026-11-01", outcome: "lahir_hidup" }),
      ],
      ["POST", "/api/persons/merge", JSON.stringify({ keepId: "a", mergeId: "b" })],
    ]);
  });

  it("uploads an import file as raw bytes with its options in the query", async () => {
    const { api, calls } = recorder(() => json(200, { rows: 0 }));
    const file = new Blob(["a;b\n1;2\n"]);
    await api.call(
      importsApi.measurements,
      { query: { fileName: "ppgbm mei.csv", dryRun: "true", allOrNothing: "false" } },
      { upload: file },
    );
    expect(calls).toHaveLength(1);
    const [call] = calls as [{ url: string; init: RequestInit }];
    expect(call.init.method).toBe("POST");
    expect(call.url).toBe("/api/imports/measurements?fileName=ppgbm+mei.csv&dryRun=true&allOrNothing=false");
    expect((call.init.headers as Record<string, string>)["Content-Type"]).toBe("application/octet-stream");
    expect(call.init.body).toBe(file);
  });

  it("keeps the error body, so a 409 can hand over the existing posyandu session", async () => {
    const session = { id: "s1", posyanduCode: "64.01.05.2003.P01", heldOn: "2026-11-22", cadres: [] };
    const { api } = recorder(() =>
      json(409, { error: { code: "conflict", message: "exists", field: "heldOn" }, session }),
    );
    const body = { posyanduCode: session.posyanduCode, heldOn: session.heldOn, cadres: [] };
    const e = await api.call(measurementsApi.openSession, { body }).then(
      () => {
        throw new Error("expected a conflict");
      },
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(ApiError);
    const parsed = PosyanduSessionConflict.safeParse((e as ApiError).body);
    expect(parsed.success && parsed.data.session).toEqual(session);
  });

  it("resolves 204 writes to undefined", async () => {
    const { api } = recorder(() => new Response(null, { status: 204 }));
    await expect(api.call(duplicatesApi.undoMerge, { params: { id: ID } })).resolves.toBeUndefined();
    await expect(api.call(duplicatesApi.dismiss, { body: { aId: "a", bId: "b" } })).resolves.toBeUndefined();
  });
});
