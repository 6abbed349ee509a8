import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { type CachedEntry, type CacheStore, networkFirst } from "./networkFirst";

function memoryStore(now = 1000) {
  const rows = new Map<string, CachedEntry & { userId: string }>();
  const store: CacheStore = {
    async get(key, userId) {
      const row = rows.get(key);
      return row && (userId === null || row.userId === userId) ? row : undefined;
    },
    async put(key, userId, data) {
      rows.set(key, { userId, data, savedAt: now });
    },
    async delete(key) {
      rows.delete(key);
    },
  };
  return { store, rows };
}

const offline = () => Promise.reject(new ApiError(0, "network", "Failed to fetch"));

describe("networkFirst", () => {
  it("returns fresh data and saves it for the user", async () => {
    const { store, rows } = memoryStore();
    await expect(networkFirst(store, "region:64.01", "u1", async () => ({ n: 1 }))).resolves.toEqual({
      data: { n: 1 },
      savedAt: null,
    });
    expect(rows.get("region:64.01")).toMatchObject({ userId: "u1", data: { n: 1 } });
  });

  it("falls back to the saved copy when offline", async () => {
    const { store } = memoryStore(1234);
    await networkFirst(store, "k", "u1", async () => "old");
    await expect(networkFirst(store, "k", "u1", offline)).resolves.toEqual({ data: "old", savedAt: 1234 });
  });

  it("never serves another user's saved copy", async () => {
    const { store } = memoryStore();
    await networkFirst(store, "k", "u1", async () => "u1's data");
    await expect(networkFirst(store, "k", "u2", offline)).rejects.toMatchObject({ code: "network" });
  });

  it("rethrows the network error when nothing was saved", async () => {
    const { store } = memoryStore();
    await expect(networkFirst(store, "k", "u1", offline)).rejects.toMatchObject({ code: "network" });
  });

  it("drops the saved copy on 404 or 403 and does not serve it", async () => {
    for (const [status, code] of [
      [404, "not_found"],
      [403, "forbidden"],
    ] as const) {
      const { store, rows } = memoryStore();
      await networkFirst(store, "k", "u1", async () => "x");
      await expect(
        networkFirst(store, "k", "u1", () => Promise.reject(new ApiError(status, code, code))),
      ).rejects.toMatchObject({ status });
      expect(rows.has("k")).toBe(false);
    }
  });

  it("does not fall back on server errors or expired sessions", async () => {
    const { store, rows } = memoryStore();
    await networkFirst(store, "k", "u1", async () => "x");
    for (const e of [new ApiError(500, "internal", "boom"), new ApiError(401, "unauthenticated", "no")]) {
      await expect(networkFirst(store, "k", "u1", () => Promise.reject(e))).rejects.toBe(e);
    }
    expect(rows.has("k")).toBe(true);
  });

  it("keys the owner from the data when the user is not known yet (the /me record)", async () => {
    const { store, rows } = memoryStore();
    const me = { id: "u9" };
    await networkFirst(
      store,
      "me",
      null,
      async () => me,
      (m) => m.id,
    );
    expect(rows.get("me")?.userId).toBe("u9");
    await expect(networkFirst(store, "me", null, offline)).resolves.toMatchObject({ data: me });
  });

  it("still returns network data when the store fails", async () => {
    const broken: CacheStore = {
      get: () => Promise.reject(new Error("no idb")),
      put: () => Promise.reject(new Error("no idb")),
      delete: () => Promise.reject(new Error("no idb")),
    };
    await expect(networkFirst(broken, "k", "u1", async () => 1)).resolves.toEqual({ data: 1, savedAt: null });
    await expect(networkFirst(broken, "k", "u1", offline)).rejects.toMatchObject({ code: "network" });
  });
});
