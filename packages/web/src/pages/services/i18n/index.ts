// The services pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const servicesMessages = featureMessages("services", {
  id: () => import("./id").then((m) => m.servicesId),
  en: () => import("./en").then((m) => m.servicesEn),
});
