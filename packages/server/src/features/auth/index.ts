import type { Feature } from "../feature";
import { authRoutes } from "./routes";

export const authFeature: Feature = {
  name: "auth",
  routes: authRoutes,
};
