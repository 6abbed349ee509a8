// Entry of the job worker thread. The sources are TypeScript run through tsx (as the CLI runs them), and a
// worker thread starts without the main thread's loader, so it registers tsx itself before loading them.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
