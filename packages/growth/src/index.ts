/**
 * @tumbuh/growth — WHO 2006/2007 z-scores (bit-compatible with WHO's anthro /
 * anthroplus R packages), Permenkes 2/2020 categories, flags, KMS growth
 * faltering and chart curves. Pure TypeScript: no dependencies, no I/O.
 */
export { calendarMonths, completedMonths, DAYS_PER_MONTH, daysBetween } from "./age";
export {
  computeGrowthBatch,
  createInputColumns,
  createResultColumns,
  type GrowthInputColumns,
  type GrowthResultColumns,
} from "./batch";
export {
  CURVE_TABLES,
  type CurveIndicator,
  curveUnit,
  type Lms,
  lmsAt,
  type SdCurveOptions,
  type SdCurvePoint,
  sdCurves,
} from "./curves";
export { KBM_GRAMS_BY_MONTH, KBM_GRAMS_FROM_12_MONTHS, kbmGrams } from "./data/kbm";
export {
  IMTU_5_18_MAX_MONTHS,
  PERMENKES_INDICES,
  type PermenkesBand,
  type PermenkesIndex,
} from "./data/permenkes-2-2020";
export {
  type FalteringEntry,
  type FalteringOptions,
  type FalteringReason,
  type FalteringResult,
  faltering,
  LINE_TOLERANCE_KG,
  lineWeight,
  WEIGHING_STATUS_LABELS,
  type Weighing,
  type WeighingStatus,
} from "./faltering";
export { FLAG_LIMITS, FLAG_NA } from "./flags";
export {
  type MeasureCode,
  type MeasureInput,
  measureCode,
  nonNegative,
  type OedemaInput,
  oedemaCode,
  type SexCode,
  type SexInput,
  sexCode,
} from "./input";
export { measureAtZ, sdLms, zLms, zLmsRestricted } from "./lms";
export {
  BBTB,
  BBU,
  bandByCode,
  bandById,
  bandId,
  classify,
  IMTU,
  IMTU_5_18,
  imtuIndexForAge,
  PERMENKES_BANDS,
  TBU,
} from "./permenkes";
export { roundR2, roundUp } from "./round";
export type { LmsTable } from "./tables/types";
export {
  TIKA_BANDS,
  TIKA_MAX_AGE_DAYS,
  type TikaBand,
  type TikaBoundaries,
  type TikaFromLength,
  type TikaLengthInput,
  tikaBandOfLength,
  tikaBandOfZ,
  tikaMarks,
} from "./tika";
export { type Flag, type ZScoreInput, type ZScoreResult, zscores } from "./zscores";
