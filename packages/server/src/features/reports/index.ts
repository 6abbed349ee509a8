import type { Feature } from "../feature";
import { renderReportJob } from "./jobs";
import { reportsRoutes } from "./routes";

/** Reports and meetings the regulations require (issue 15): drafts, issue, inbox, acknowledgement, versions. */
export const reportsFeature: Feature = {
  name: "reports",
  routes: reportsRoutes,
  jobs: [renderReportJob],
};
