// The tika pages' dictionaries: each language is its own chunk, loaded with the page.
import { featureMessages } from "../../../i18n/messages";

export const tikaMessages = featureMessages("tika", {
  id: () => import("./id").then((m) => m.tikaId),
  en: () => import("./en").then((m) => m.tikaEn),
});
