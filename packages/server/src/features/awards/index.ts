import type { Feature } from "../feature";
import { awardsRoutes } from "./routes";

/** The award and kader incentive register (Paser Pasal 49). */
export const awardsFeature: Feature = { name: "awards", routes: awardsRoutes };
