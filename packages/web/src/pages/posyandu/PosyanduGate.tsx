import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { useLive, useSyncEngine, useSyncStatus } from "../../kit/sync/useSync";
import { useDocumentTitle } from "../../kit/ui";
import { Link, navigate } from "../../router/navigation";
import { posyanduDayPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import type { SyncEngine } from "../../sync/engine";
import { devicePolicy } from "../../sync/session";
import "./posyandu.css";

const within = (code: string, scope: string) => code === scope || code.startsWith(`${scope}.`);

/**
 * The posyandu day's door. A read-only user gets no offline copy (and no forms): a message instead. A
 * user whose scope is wider than a desa first chooses the one desa or posyandu to keep on this phone —
 * nothing is downloaded before that, so opening /posyandu never pulls a kecamatan or the regency.
 */
export function PosyanduGate({ code, children }: { code?: string; children: ReactNode }) {
  const me = useMe();
  const policy = useMemo(() => devicePolicy(me), [me]);
  if (!policy.writer) return <ReadOnlyNotice />;
  return (
    <KeptPlace code={code} wide={policy.wide}>
      {children}
    </KeptPlace>
  );
}

function ReadOnlyNotice() {
  const { t } = useI18n();
  useDocumentTitle(t("pd.title"));
  return (
    <div className="stack pd" data-testid="pd-read-only">
      <h1>{t("pd.title")}</h1>
      <p className="alert alert--info">{t("pd.readOnly")}</p>
      <Link to="/" className="button button--secondary button--block">
        {t("pd.home")}
      </Link>
    </div>
  );
}

function KeptPlace({
  code,
  wide,
  children,
}: {
  code?: string | undefined;
  wide: boolean;
  children: ReactNode;
}) {
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const [choosing, setChoosing] = useState(false);
  if (!wide) return <>{children}</>;
  // The status is read from the store once; until then show nothing rather than a wrong door.
  if (status.needsPlace || choosing || (code && status.keep && !within(code, status.keep))) {
    return <PlaceChooser engine={engine} current={status.keep} onDone={() => setChoosing(false)} />;
  }
  if (!status.keep) return null;
  return (
    <>
      <KeptNote engine={engine} keep={status.keep} onChange={() => setChoosing(true)} />
      {children}
    </>
  );
}

function KeptNote({ engine, keep, onChange }: { engine: SyncEngine; keep: string; onChange: () => void }) {
  const { t } = useI18n();
  const name = useLive(
    async () => (await engine.db.places.get(keep))?.name ?? null,
    `${engine.userId}|${keep}`,
  );
  return (
    <p className="pd-kept muted" data-testid="pd-kept" data-code={keep}>
      {t("pd.keptOnPhone", { name: name ?? "" })}{" "}
      <button type="button" className="link-button" onClick={onChange}>
        {t("pd.keepChange")}
      </button>
    </p>
  );
}

/** Choose the desa or posyandu to keep: the places of the scope come without any record. */
function PlaceChooser({
  engine,
  current,
  onDone,
}: {
  engine: SyncEngine;
  current: string | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  useDocumentTitle(t("pd.keepTitle"));
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  useEffect(() => {
    engine.fetchPlaces().catch(() => setFailed(true));
  }, [engine]);
  const places = useLive(() => engine.db.places.toArray(), `${engine.userId}|places`);
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase("id");
    const desa = new Map((places ?? []).filter((p) => p.level === "desa").map((p) => [p.code, p.name]));
    return (places ?? [])
      .filter((p) => p.level === "desa" || p.level === "posyandu")
      .map((p) => ({ ...p, desaName: p.level === "posyandu" ? (desa.get(p.parentCode ?? "") ?? "") : "" }))
      .filter((p) => q === "" || `${p.name} ${p.desaName}`.toLocaleLowerCase("id").includes(q))
      .slice(0, 60);
  }, [places, query]);
  async function keep(code: string, level: string) {
    await engine.keepPlace(code);
    onDone();
    if (level === "posyandu") navigate(posyanduDayPath(code));
  }
  return (
    <div className="stack pd" data-testid="pd-keep">
      <h1>{t("pd.keepTitle")}</h1>
      <p>{t("pd.keepHint")}</p>
      {failed && <p className="alert alert--error">{t("pd.keepOffline")}</p>}
      <label className="pd-search">
        <span className="sr-only">{t("pd.keepSearch")}</span>
        <input
          type="search"
          placeholder={t("pd.keepSearch")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          data-testid="pd-keep-search"
        />
      </label>
      <ul className="pd-list">
        {shown.map((p) => (
          <li key={p.code}>
            <button
              type="button"
              className={p.code === current ? "pd-row pd-row--done pd-pick" : "pd-row pd-pick"}
              onClick={() => void keep(p.code, p.level)}
            >
              <span className="pd-row__name">{p.name}</span>
              <span className="pd-row__meta">
                {p.level === "desa" ? t("pd.keepDesa") : t("pd.keepPosyandu", { desa: p.desaName })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
