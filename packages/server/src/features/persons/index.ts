import type { Feature } from "../feature";
import { personRoutes } from "./routes";
import { person, personLeave, personLeaveUndo } from "./sync";

export const personsFeature: Feature = {
  name: "persons",
  routes: personRoutes,
  syncEntities: [person, personLeave, personLeaveUndo],
};
