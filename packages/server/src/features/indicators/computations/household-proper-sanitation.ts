import { householdComputation } from "./types";

/** Paser Pasal 7 m, annex A.b.5: households with a "layak" latrine (BPS) ÷ households registered. */
export const householdProperSanitation = householdComputation(
  "household_proper_sanitation",
  "rumah tangga dengan sanitasi layak ÷ rumah tangga terdaftar",
  (r) => r.proper_sanitation,
);
