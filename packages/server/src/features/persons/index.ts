import { person } from "../../sync/entities/person";
import type { Feature } from "../feature";
import { personRoutes } from "./routes";

export const personsFeature: Feature = {
  name: "persons",
  routes: personRoutes,
  syncEntities: [person],
};
