// The engine's two calls to the server, through the API contract. The app builds it from its `api`;
// tests build it from a client whose fetch reaches an in-process server.
import { syncApi } from "@tumbuh/core";
import type { ApiClient } from "../api/client";
import type { SyncApi } from "./engine";

export function syncApiOf(client: Pick<ApiClient, "call">): SyncApi {
  return {
    syncPush: (ops) => client.call(syncApi.push, { body: { ops } }).then((r) => r.results),
    syncPull: (cursor, opts = {}) =>
      client.call(syncApi.pull, {
        query: {
          limit: opts.limit ?? 2000,
          ...(cursor ? { cursor } : {}),
          ...(opts.keep ? { keep: opts.keep } : {}),
          ...(opts.places ? { places: "1" as const } : {}),
        },
      }),
  };
}
