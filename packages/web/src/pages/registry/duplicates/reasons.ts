// Reasons the server gives for a possible duplicate pair. The contract types them as plain strings and
// the server writes English phrases (features/duplicates/service.ts); the known ones are translated,
// anything else is shown as the server wrote it.
import type { Locale, MessageKey } from "../../../i18n/messages";
import { translate } from "../../../i18n/messages";

const KNOWN: Record<string, MessageKey> = {
  "same name (sound-alike)": "dup.reason.sameName",
  "same birth date": "dup.reason.sameBirthDate",
  "same desa": "dup.reason.sameDesa",
  "same mother": "dup.reason.sameMother",
  "mother's name sounds alike": "dup.reason.motherNameAlike",
  "same nik": "dup.reason.sameNik",
};

export function reasonLabel(reason: string, locale: Locale): string {
  const known = reason.trim().toLowerCase();
  return Object.hasOwn(KNOWN, known) ? translate(locale, KNOWN[known] as MessageKey) : reason;
}
