// Why an import refused or warns about a row: core holds the texts of every reason code in both languages
// (one place, also used by the server's list of rejected rows and the CLI); here they become
// `import.reason.<code>` keys of the registry dictionaries.
import { IMPORT_REASON_TEXT, type ImportReason } from "@tumbuh/core";

type ReasonKeys = { readonly [K in ImportReason as `import.reason.${K}`]: string };

export function importReasonMessages(locale: "id" | "en"): ReasonKeys {
  return Object.fromEntries(
    Object.entries(IMPORT_REASON_TEXT[locale]).map(([code, text]) => [`import.reason.${code}`, text]),
  ) as unknown as ReasonKeys;
}
