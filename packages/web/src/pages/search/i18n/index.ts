// The search page's dictionaries: each language is its own chunk, loaded with the page.
import { featureMessages } from "../../../i18n/messages";

export const searchMessages = featureMessages("search", {
  id: () => import("./id").then((m) => m.searchId),
  en: () => import("./en").then((m) => m.searchEn),
});
