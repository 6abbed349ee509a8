import type { Feature } from "../feature";
import { satuDataRoutes } from "./routes";

/** Open-data files for Satu Data Indonesia (issue 16; Paser Pasal 45 ayat 3 huruf a): CSV + MS-Ind metadata. */
export const satuDataFeature: Feature = {
  name: "satu-data",
  routes: satuDataRoutes,
};
