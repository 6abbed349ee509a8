import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { unsentCount } from "../../sync/session";

/** Beside the logout button: what logging out keeps on the phone (unsent data is never dropped). */
export function UnsentNote({ userId }: { userId: string }) {
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  useEffect(() => {
    void unsentCount(userId).then(setCount, () => setCount(0));
  }, [userId]);
  if (count === 0) return null;
  return (
    <p className="alert alert--warn" role="status">
      {t("sync.unsentAtLogout", { count })}
    </p>
  );
}
