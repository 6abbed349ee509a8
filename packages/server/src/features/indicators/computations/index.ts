import { householdProperSanitation } from "./household-proper-sanitation";
import { householdSafeWater } from "./household-safe-water";
import { measurementCoverage } from "./measurement-coverage";
import {
  ancToStandard,
  caseAuditShare,
  catinExamined,
  catinScreenedInTime,
  completeBasicImmunisation,
  familyAccompaniment,
  parentingClass,
  paudEnrolment,
  postpartumServices,
  pregnantCounselled,
} from "./service-computations";
import { stuntingPrevalence } from "./stunting-prevalence";
import type { ComputationDef } from "./types";
import { underweightPrevalence } from "./underweight-prevalence";
import { wastingPrevalence } from "./wasting-prevalence";

/**
 * Every computation the server knows, by the name the catalog uses (core COMPUTATIONS). Services (issue 6)
 * and families at risk (issue 8) add theirs here: one file, one line.
 */
export const COMPUTATION_TABLE: ReadonlyMap<string, ComputationDef> = new Map(
  [
    stuntingPrevalence,
    wastingPrevalence,
    underweightPrevalence,
    measurementCoverage,
    householdSafeWater,
    householdProperSanitation,
    ancToStandard,
    pregnantCounselled,
    postpartumServices,
    completeBasicImmunisation,
    parentingClass,
    paudEnrolment,
    familyAccompaniment,
    catinScreenedInTime,
    catinExamined,
    caseAuditShare,
  ].map((c) => [c.name, c]),
);
