import { childComputation } from "./types";

/** Paser Pasal 6 (prevalence target); children 0–59 months, latest usable TB/U in the period < −2 SD. */
export const stuntingPrevalence = childComputation(
  "stunting_prevalence",
  "balita dengan TB/U < −2 SD ÷ balita diukur panjang/tinggi badannya",
  (r) => [r.stunted, r.len_n],
);
