import type { Feature } from "../feature";
import { auditRoutes } from "./routes";

export const auditFeature: Feature = {
  name: "audit",
  routes: auditRoutes,
};
