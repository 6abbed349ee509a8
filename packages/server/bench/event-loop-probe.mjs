// Preloaded into the server by load.bench.ts (node --import): how long the server's event loop was held.
// The first SIGUSR2 starts the measurement (when the load starts); the second writes it to
// BENCH_EVENT_LOOP_FILE as milliseconds. A plain .mjs so it loads before tsx is registered.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
let signals = 0;
process.on("SIGUSR2", () => {
  signals++;
  if (signals === 1) {
    histogram.reset();
    histogram.enable();
    return;
  }
  histogram.disable();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  const figures = {
    p50: ms(histogram.percentile(50)),
    p95: ms(histogram.percentile(95)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  };
  writeFileSync(process.env.BENCH_EVENT_LOOP_FILE ?? "event-loop.json", JSON.stringify(figures));
});
