import type { Feature } from "../feature";
import { tikaDemo } from "./demo";
import { tikaRoutes } from "./routes";
import { tikaReading } from "./sync";

/** Tika pertumbuhan (PALI 64/2021 Pasal 30 huruf a, 40 ayat (2) d–f, (4)): readings off the growth mat. */
export const tikaFeature: Feature = {
  name: "tika",
  routes: tikaRoutes,
  syncEntities: [tikaReading],
  demo: tikaDemo,
};
