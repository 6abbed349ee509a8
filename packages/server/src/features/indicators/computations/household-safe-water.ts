import { householdComputation } from "./types";

/** Paser Pasal 7 l, annex A.b.4: households with a "layak" drinking-water source (BPS) ÷ households registered. */
export const householdSafeWater = householdComputation(
  "household_safe_water",
  "rumah tangga dengan sumber air minum layak ÷ rumah tangga terdaftar",
  (r) => r.safe_water,
);
