// The user administration page's dictionaries: each language is its own chunk, loaded with the page.
import { featureMessages } from "../../../i18n/messages";

export const usersMessages = featureMessages("users", {
  id: () => import("./id").then((m) => m.usersId),
  en: () => import("./en").then((m) => m.usersEn),
});
