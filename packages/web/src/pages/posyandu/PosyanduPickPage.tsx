import { useI18n } from "../../i18n/I18nProvider";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine, useSyncStatus } from "../../kit/sync/useSync";
import { useDocumentTitle } from "../../kit/ui";
import { Link } from "../../router/navigation";
import { posyanduDayPath } from "../../router/routes";
import { posyanduPlaces } from "./local";
import { PosyanduGate } from "./PosyanduGate";
import "./posyandu.css";

/** Step 1 of the posyandu day: which posyandu (from the scope kept on the phone). */
export default function PosyanduPickPage() {
  return (
    <PosyanduGate>
      <Pick />
    </PosyanduGate>
  );
}

function Pick() {
  const { t } = useI18n();
  useDocumentTitle(t("pd.title"));
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const places = useLive(
    async () =>
      (await posyanduPlaces(engine)).filter(
        (p) => !status.keep || p.code === status.keep || p.code.startsWith(`${status.keep}.`),
      ),
    `${engine.userId}|${status.keep}`,
  );
  return (
    <div className="stack pd">
      <h1>{t("pd.pick")}</h1>
      <SyncStatusBar engine={engine} />
      {!status.ready && (places ?? []).length === 0 ? (
        <p className="alert alert--info">{t("sync.notReady")}</p>
      ) : (places ?? []).length === 0 ? (
        <p className="alert alert--info">{t("pd.noPlaces")}</p>
      ) : (
        <ul className="pd-list">
          {(places ?? []).map((p) => (
            <li key={p.code}>
              <Link to={posyanduDayPath(p.code)} className="pd-row">
                <span className="pd-row__name">{p.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
