// NIK mismatch warnings come from the server in English (core checkNik); the two known shapes are
// shown in the user's language, anything else as written.
import { type Locale, translate } from "../../i18n/messages";

const SEX = /^NIK says (female|male) but the sex entered is (female|male)$/;
const BIRTH = /^NIK birth date (\S+) differs from the birth date entered (\S+)$/;

export function nikWarningText(warning: string, locale: Locale): string {
  const sex = SEX.exec(warning.trim());
  if (sex) {
    const word = (s: string) => translate(locale, s === "female" ? "nikw.female" : "nikw.male");
    return translate(locale, "nikw.sex", { nikSex: word(sex[1] ?? ""), entered: word(sex[2] ?? "") });
  }
  const birth = BIRTH.exec(warning.trim());
  if (birth) return translate(locale, "nikw.birth", { nik: birth[1] ?? "", entered: birth[2] ?? "" });
  return warning;
}
