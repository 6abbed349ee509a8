// The midwife's pages' dictionaries: each language is its own chunk, loaded with the page.
import { featureMessages } from "../../../i18n/messages";

export const antenatalMessages = featureMessages("antenatal", {
  id: () => import("./id").then((m) => m.antenatalId),
  en: () => import("./en").then((m) => m.antenatalEn),
});
