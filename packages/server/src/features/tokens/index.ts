import type { Feature } from "../feature";
import { tokenRoutes } from "./routes";

/** Personal access tokens for machines (issue 16); the auth hook accepts them as `Authorization: Bearer`. */
export const tokensFeature: Feature = {
  name: "tokens",
  routes: tokenRoutes,
};
