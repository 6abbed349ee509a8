// Small pieces shared by the families / catin / TPK / case-audit pages.
import { errorText } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";

/** Every write carries an id made on the device (the server treats a repeated id as the same write). */
export { uuidv7 as newId } from "../../sync/uuidv7";

/** The error `useAction` kept, in the user's language: its code and reason (api/errorMessages errorText). */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text = errorText(error, t);
  return (
    <p className="alert alert--error" role="alert">
      {text}
    </p>
  );
}
