// Small pieces shared by the families / catin / TPK / case-audit pages.
import { isApiError } from "../../api";
import { generalErrorKey } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";

/** Every write carries an id made on the device (the server treats a repeated id as the same write). */
export { uuidv7 as newId } from "../../sync/uuidv7";

/** The error `useAction` kept: the server's message for a 400/409 (it names the field), else a general message. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text =
    isApiError(error) && (error.status === 400 || error.status === 409)
      ? t("fam.invalid", { message: error.message })
      : t(generalErrorKey(error));
  return (
    <p className="alert alert--error" role="alert">
      {text}
    </p>
  );
}
