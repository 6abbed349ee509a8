// One sync engine per signed-in user, kept for the life of the page; the per-user store outlives a
// session (an expired login never loses the outbox) and is removed at logout only when nothing is unsent.
import Dexie from "dexie";
import { api } from "../api";
import type { Me } from "../api/types";
import { canWrite } from "../pages/regionLinks";
import { type DevicePolicy, SyncEngine } from "./engine";
import { syncApiOf } from "./server-api";
import { openSyncDb, syncDbName } from "./store";

let engine: SyncEngine | null = null;

/** Levels at which a scope is "wide": the user chooses one desa or posyandu to keep on the phone. */
const WIDE = new Set(["provinsi", "kabupaten", "kecamatan"]);

/** What this user's phone may hold and send, from their assignments (core ROLE_POWERS.write). */
export function devicePolicy(me: Pick<Me, "assignments">): DevicePolicy {
  const writing = me.assignments.filter((a) => canWrite(a.role));
  return {
    writer: writing.length > 0,
    wide: me.assignments.some((a) => a.scopeLevel === null || WIDE.has(a.scopeLevel)),
    writeScopes: writing.map((a) => a.scope),
  };
}

export function syncEngineFor(me: Pick<Me, "id" | "assignments">): SyncEngine {
  const userId = me.id;
  if (engine?.userId !== userId) {
    engine?.stop();
    engine = new SyncEngine(userId, syncApiOf(api), devicePolicy(me));
    engine.start();
  } else if (engine.snapshot.loginExpired) {
    // Logged in again after an expiry: send what waited.
    void engine.syncNow();
  }
  return engine;
}

/** Operations on this device not yet accepted by the server (pending or refused), without starting sync. */
export async function unsentCount(userId: string): Promise<number> {
  if (!(await Dexie.exists(syncDbName(userId)))) return 0;
  const db = engine?.userId === userId ? engine.db : openSyncDb(userId);
  try {
    return await db.outbox.count();
  } finally {
    if (db !== engine?.db) db.close();
  }
}

/** At logout: forget the user's copy of the scope unless something is still unsent (then keep it). */
export async function forgetSyncedStore(userId: string): Promise<boolean> {
  if ((await unsentCount(userId)) > 0) return false;
  if (engine?.userId === userId) {
    engine.stop();
    engine.db.close();
    engine = null;
  }
  await Dexie.delete(syncDbName(userId));
  return true;
}
