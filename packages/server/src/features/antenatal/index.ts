import type { Feature } from "../feature";
import { antenatalRoutes } from "./routes";

/** The midwife's list of pregnant women (reads pregnancies, services, persons and regions). */
export const antenatalFeature: Feature = { name: "antenatal", routes: antenatalRoutes };
