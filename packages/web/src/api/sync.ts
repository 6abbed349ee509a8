// Offline sync endpoints (issue 5), built on the one `request` of client.ts.
import type { SyncConflictView, SyncOp, SyncOpResult, SyncPullResponse } from "@tumbuh/core";
import type { Requester } from "./client";

export function syncEndpoints(request: Requester) {
  return {
    syncPush(ops: SyncOp[]): Promise<SyncOpResult[]> {
      return request<{ results: SyncOpResult[] }>("/sync/push", { method: "POST", body: { ops } }).then(
        (r) => r.results,
      );
    },
    syncPull(cursor: string | null, limit = 2000): Promise<SyncPullResponse> {
      const q = new URLSearchParams({ limit: String(limit) });
      if (cursor) q.set("cursor", cursor);
      return request<SyncPullResponse>(`/sync/pull?${q}`);
    },
    syncConflicts(): Promise<SyncConflictView[]> {
      return request<{ conflicts: SyncConflictView[] }>("/sync/conflicts").then((r) => r.conflicts);
    },
    resolveConflict(
      id: string,
      choice: "mine" | "theirs" | "edit",
      values?: Record<string, unknown>,
    ): Promise<SyncConflictView> {
      return request(`/sync/conflicts/${encodeURIComponent(id)}/resolve`, {
        method: "POST",
        body: { choice, ...(values ? { values } : {}) },
      });
    },
  };
}
