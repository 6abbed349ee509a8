// The SKDN page's dictionaries: each language is its own chunk, loaded with the page.
import { featureMessages } from "../../../i18n/messages";

export const skdnMessages = featureMessages("skdn", {
  id: () => import("./id").then((m) => m.skdnId),
  en: () => import("./en").then((m) => m.skdnEn),
});
