import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "./client";

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
    const { api, calls } = recorder((url) =>
      url.startsWith("/api/persons?") ? json(200, { persons: [] }) : json(200, { pairs: [] }),
    );
    await api.persons({ region: "64.01.05.2003", q: "siti aminah" });
    await api.persons({ region: "64.01.05.2003.P01", limit: 20 });
    await api.person(ID);
    await api.chart(ID, "bbtb");
    await api.registryLists("64.01.05.2003", "2026-11");
    await api.duplicates("64.01.05.2003");
    await api.household(ID);
    expect(calls.map((c) => c.url)).toEqual([
      "/api/persons?region=64.01.05.2003&q=siti+aminah&limit=50",
      "/api/persons?region=64.01.05.2003.P01&limit=20",
      `/api/persons/${ID}`,
      `/api/persons/${ID}/chart?indicator=bbtb`,
      "/api/regions/64.01.05.2003/registry-lists?month=2026-11",
      "/api/regions/64.01.05.2003/duplicates",
      `/api/households/${ID}`,
    ]);
  });

  it("unwraps the lists the server wraps", async () => {
    const { api } = recorder((url) =>
      url.includes("duplicates")
        ? json(200, { pairs: [{ reasons: ["x"] }] })
        : json(200, { persons: [{ id: "p" }] }),
    );
    await expect(api.persons({ region: "64" })).resolves.toEqual([{ id: "p" }]);
    await expect(api.duplicates("64")).resolves.toEqual([{ reasons: ["x"] }]);
  });

  it("sends writes as JSON with the right method", async () => {
    const { api, calls } = recorder((_, init) =>
      init.method === "POST" && String(init.body).includes("keepId")
        ? json(200, { mergeId: "m1" })
        : json(200, {}),
    );
    await api.updatePerson(ID, { revision: 3, name: "Aisyah" });
    await api.endPregnancy(ID, { endedOn: "2026-11-01", outcome: "lahir_hidup" });
    await expect(api.mergePersons("a", "b")).resolves.toEqual({ mergeId: "m1" });
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
    await api.importMeasurements(file, { fileName: "ppgbm mei.csv", dryRun: true, allOrNothing: false });
    expect(calls).toHaveLength(1);
    const [call] = calls as [{ url: string; init: RequestInit }];
    expect(call.url).toBe("/api/imports/measurements?fileName=ppgbm+mei.csv&dryRun=true&allOrNothing=false");
    expect((call.init.headers as Record<string, string>)["Content-Type"]).toBe("application/octet-stream");
    expect(call.init.body).toBe(file);
  });

  it("keeps the error body, so a 409 can hand over the existing posyandu session", async () => {
    const session = { id: "s1", posyanduCode: "64.01.05.2003.P01", heldOn: "2026-11-22", cadres: [] };
    const { api } = recorder(() =>
      json(409, { error: { code: "conflict", message: "exists", field: "heldOn" }, session }),
    );
    try {
      await api.createPosyanduSession({
        posyanduCode: session.posyanduCode,
        heldOn: session.heldOn,
        cadres: [],
      });
      throw new Error("expected a conflict");
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).body).toMatchObject({ session: { id: "s1" } });
    }
  });

  it("resolves 204 writes to undefined", async () => {
    const { api } = recorder(() => new Response(null, { status: 204 }));
    await expect(api.undoMerge("m1")).resolves.toBeUndefined();
    await expect(api.dismissDuplicate("a", "b")).resolves.toBeUndefined();
  });
});
