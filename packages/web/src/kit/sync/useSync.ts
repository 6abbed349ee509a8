// React access to the device store and the sync engine of the signed-in user.
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import { useMe } from "../../session/SessionProvider";
import type { SyncEngine, SyncStatus } from "../../sync/engine";
import { syncEngineFor } from "../../sync/session";

export function useSyncEngine(): SyncEngine {
  const me = useMe();
  return syncEngineFor(me);
}

export function useSyncStatus(engine: SyncEngine): SyncStatus {
  const [status, setStatus] = useState(engine.snapshot);
  useEffect(() => engine.subscribe(setStatus), [engine]);
  return status;
}

/**
 * A query over the local store that re-runs whenever the tables it read change (Dexie liveQuery).
 * `key` names everything the query depends on (a change re-subscribes).
 */
export function useLive<T>(query: () => Promise<T>, key: string): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query's inputs
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => sub.unsubscribe();
  }, [key]);
  return value;
}
