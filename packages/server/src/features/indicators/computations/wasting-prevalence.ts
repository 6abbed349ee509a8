import { childComputation } from "./types";

/** Wasting (gizi kurang + gizi buruk, Permenkes 2/2020): latest usable BB/TB in the period < −2 SD. */
export const wastingPrevalence = childComputation(
  "wasting_prevalence",
  "balita dengan BB/TB < −2 SD ÷ balita diukur",
  (r) => [r.wasted, r.wfl_n],
);
