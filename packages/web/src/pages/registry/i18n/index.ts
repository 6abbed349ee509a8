// The registry pages' dictionaries: each language is its own chunk, loaded with the first page that needs it.
import { featureMessages } from "../../../i18n/messages";

export const registryMessages = featureMessages("registry", {
  id: () => import("./id").then((m) => m.registryId),
  en: () => import("./en").then((m) => m.registryEn),
});
