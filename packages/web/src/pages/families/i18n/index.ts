// The families pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const familiesMessages = featureMessages("families", {
  id: () => import("./id").then((m) => m.familiesId),
  en: () => import("./en").then((m) => m.familiesEn),
});
