// The device-side cache of API reads (IndexedDB via Dexie), so the region browser shows the
// last-seen data offline. One row per key, tagged with the user it belongs to; cleared on logout
// and when a different user signs in on the same device.
import Dexie, { type EntityTable } from "dexie";
import type { CacheStore } from "./networkFirst";

interface CacheRow {
  key: string;
  userId: string;
  savedAt: number;
  data: unknown;
}

const db = new Dexie("tumbuh-cache") as Dexie & { entries: EntityTable<CacheRow, "key"> };
db.version(1).stores({ entries: "key" });

export const ME_KEY = "me";
export const regionKey = (code: string) => `region:${code}`;

export const cacheStore: CacheStore = {
  async get(key, userId) {
    const row = await db.entries.get(key);
    if (!row || (userId !== null && row.userId !== userId)) return undefined;
    return { data: row.data, savedAt: row.savedAt };
  },
  async put(key, userId, data) {
    await db.entries.put({ key, userId, data, savedAt: Date.now() });
  },
  async delete(key) {
    await db.entries.delete(key);
  },
};

/** Forget everything saved on this device (logout). */
export async function clearCache(): Promise<void> {
  await db.entries.clear().catch(() => undefined);
}

/** Call after a successful login: drops any other user's saved data from this device. */
export async function clearOtherUsers(userId: string): Promise<void> {
  await db.entries
    .filter((row) => row.userId !== userId)
    .delete()
    .catch(() => undefined);
}
