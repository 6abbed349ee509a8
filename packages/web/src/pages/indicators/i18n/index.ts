// The indicators pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const indicatorsMessages = featureMessages("indicators", {
  id: () => import("./id").then((m) => m.indicatorsId),
  en: () => import("./en").then((m) => m.indicatorsEn),
});
