// Network-first reads with a per-user fallback to the last response saved on the device.
// Pure logic over an injected store, so it is unit-tested without IndexedDB.
import { isApiError } from "../api/client";

export interface CachedEntry {
  data: unknown;
  /** Epoch milliseconds when the response was saved. */
  savedAt: number;
}

export interface CacheStore {
  /** userId null: whoever saved it (only used for the signed-in user record itself). */
  get(key: string, userId: string | null): Promise<CachedEntry | undefined>;
  put(key: string, userId: string, data: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface Loaded<T> {
  data: T;
  /** null when the data came from the network just now; else when the cached copy was saved. */
  savedAt: number | null;
}

/**
 * Loads from the network and saves the result under `key` for `userId`. When the network is
 * unreachable, returns the copy saved earlier for the same user instead. When the server says the
 * thing is gone or no longer allowed (404/403), the saved copy is dropped. Cache failures
 * (private mode, quota) never hide the network result or error.
 */
export async function networkFirst<T>(
  store: CacheStore,
  key: string,
  userId: string | null,
  load: () => Promise<T>,
  ownerOf: (data: T) => string | null = () => userId,
): Promise<Loaded<T>> {
  try {
    const data = await load();
    const owner = ownerOf(data);
    // saved in the background: a slow IndexedDB write must not delay showing fresh data
    if (owner !== null) void store.put(key, owner, data).catch(() => undefined);
    return { data, savedAt: null };
  } catch (error) {
    if (isApiError(error) && error.code === "network") {
      const cached = await store.get(key, userId).catch(() => undefined);
      if (cached) return { data: cached.data as T, savedAt: cached.savedAt };
    } else if (isApiError(error) && (error.status === 404 || error.status === 403)) {
      await store.delete(key).catch(() => undefined);
    }
    throw error;
  }
}
