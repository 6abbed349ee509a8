// Words for the reasons the server gives for a possible duplicate pair (stable codes from @tumbuh/core).
import type { DuplicateReason } from "@tumbuh/core";
import type { Locale, MessageKey } from "../../../i18n/messages";
import { translate } from "../../../i18n/messages";

const LABELS: Record<DuplicateReason, MessageKey> = {
  same_name: "dup.reason.sameName",
  same_birth_date: "dup.reason.sameBirthDate",
  same_desa: "dup.reason.sameDesa",
  same_mother: "dup.reason.sameMother",
  mother_name_alike: "dup.reason.motherNameAlike",
  same_nik: "dup.reason.sameNik",
};

/** A reason in the user's language; a code this client does not know yet is shown as sent. */
export function reasonLabel(reason: string, locale: Locale): string {
  return Object.hasOwn(LABELS, reason) ? translate(locale, LABELS[reason as DuplicateReason]) : reason;
}
