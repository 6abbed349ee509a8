// The posyandu pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const posyanduMessages = featureMessages("posyandu", {
  id: () => import("./id").then((m) => m.posyanduId),
  en: () => import("./en").then((m) => m.posyanduEn),
});
