import type { Feature } from "../feature";
import { searchRoutes } from "./routes";

/** One search by name or NIK across the user's area (reads persons and regions). */
export const searchFeature: Feature = { name: "search", routes: searchRoutes };
