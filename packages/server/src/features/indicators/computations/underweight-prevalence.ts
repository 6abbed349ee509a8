import { childComputation } from "./types";

/** Underweight (berat badan kurang + sangat kurang, Permenkes 2/2020): latest usable BB/U < −2 SD. */
export const underweightPrevalence = childComputation(
  "underweight_prevalence",
  "balita dengan BB/U < −2 SD ÷ balita ditimbang",
  (r) => [r.underweight, r.wei_n],
);
