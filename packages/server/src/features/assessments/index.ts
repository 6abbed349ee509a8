import type { Feature } from "../feature";
import { computeAssessmentJob } from "./jobs";
import { assessmentsRoutes } from "./routes";

/** Yearly performance assessment of desa and kecamatan (Paser Pasal 9 o; annex Pilar 5 a.1–2). */
export const assessmentsFeature: Feature = {
  name: "assessments",
  routes: assessmentsRoutes,
  jobs: [computeAssessmentJob],
};
