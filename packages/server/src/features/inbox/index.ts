import type { Feature } from "../feature";
import { inboxRoutes } from "./routes";

/** What needs the user's action, from the sources in sources.ts (reads other features). */
export const inboxFeature: Feature = { name: "inbox", routes: inboxRoutes };
