// The registry's growth results (z-scores, categories, N/T/2T, alerts, chart data) from raw measurements.
// A subpath of its own (@tumbuh/core/growth-views), so the WHO tables load only where they are used —
// the server, and the offline posyandu day in the PWA.
export * from "./growth-alerts";
export * from "./growth-chart";
export * from "./growth-derive";
export * from "./growth-plausibility";
