// The reports pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const reportsMessages = featureMessages("reports", {
  id: () => import("./id").then((m) => m.reportsId),
  en: () => import("./en").then((m) => m.reportsEn),
});
