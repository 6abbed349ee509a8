import type { Feature } from "../feature";
import { fhirRoutes } from "./routes";

/** FHIR R4 transaction Bundles of posyandu measurements, aligned with SATUSEHAT (issue 16). */
export const fhirFeature: Feature = {
  name: "fhir",
  routes: fhirRoutes,
};
