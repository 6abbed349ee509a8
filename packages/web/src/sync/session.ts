// One sync engine per signed-in user, kept for the life of the page.
import { api } from "../api";
import { SyncEngine } from "./engine";

let engine: SyncEngine | null = null;

export function syncEngineFor(userId: string): SyncEngine {
  if (engine?.userId !== userId) {
    engine?.stop();
    engine = new SyncEngine(userId, api);
    engine.start();
  }
  return engine;
}
