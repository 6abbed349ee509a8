// Entry of the import's writer thread (./store-thread.ts). The sources are TypeScript run through tsx, and a
// worker thread starts without the main thread's loader, so it registers tsx itself before loading them.
import { register } from "tsx/esm/api";

register();
await import("./store-worker.ts");
