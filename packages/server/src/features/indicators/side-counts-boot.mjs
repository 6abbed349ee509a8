// Entry of the side-counts worker thread (./side-counts.ts). The sources are TypeScript run through tsx, and a
// worker thread starts without the main thread's loader, so it registers tsx itself before loading them.
import { register } from "tsx/esm/api";

register();
await import("./side-counts-worker.ts");
