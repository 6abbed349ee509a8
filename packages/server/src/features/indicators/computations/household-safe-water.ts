import { householdComputation } from "./types";

/**
 * Paser Pasal 7 l, annex A.b.4: households with a "layak" drinking-water source ÷ households registered — by
 * BPS's list (Susenas "air minum layak"; core SAFE_WATER_LISTS.bps), not BKKBN's family-risk list.
 */
export const householdSafeWater = householdComputation(
  "household_safe_water",
  "rumah tangga dengan sumber air minum layak ÷ rumah tangga terdaftar",
  (r) => r.safe_water,
);
