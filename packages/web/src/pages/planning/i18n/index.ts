// The planning pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const planningMessages = featureMessages("planning", {
  id: () => import("./id").then((m) => m.planningId),
  en: () => import("./en").then((m) => m.planningEn),
});
