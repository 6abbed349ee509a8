import type { SyncConflictView } from "@tumbuh/core";
import { syncApi } from "@tumbuh/core";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { storedErrorText } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate } from "../../kit/format";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle, useOnline } from "../../kit/ui";
import { POSYANDU_PATH } from "../../router/routes";
import "./posyandu.css";

const SHOWN_FIELDS = ["name", "parentName", "birthDate", "sex"] as const;

/** What did not go through: ops the server refused (values kept here) and edits that conflicted. */
export default function SyncPage() {
  const { t } = useI18n();
  useDocumentTitle(t("sync.title"));
  const engine = useSyncEngine();
  const rejected = useLive(
    () => engine.db.outbox.where("state").equals("rejected").toArray(),
    `${engine.userId}`,
  );
  // Answered "retry" (a record it names is not on the server yet): still pending, shown so it is not a mystery.
  const waiting = useLive(
    () =>
      engine.db.outbox
        .where("state")
        .equals("pending")
        .filter((o) => o.error !== undefined)
        .toArray(),
    `${engine.userId}`,
  );
  return (
    <div className="stack pd">
      <BackLink to={POSYANDU_PATH}>{t("pd.title")}</BackLink>
      <h1>{t("sync.title")}</h1>
      <SyncStatusBar engine={engine} />
      {(rejected ?? []).length > 0 && (
        <section className="stack-sm">
          <h2>{t("sync.rejectedTitle")}</h2>
          <p className="muted">{t("sync.rejectedHint")}</p>
          <ul className="pd-list">
            {(rejected ?? []).map((o) => (
              <li key={o.opId} className="card stack-sm">
                <strong>{t(`sync.entity.${o.entity}` as MessageKey)}</strong>
                <span className="alert alert--warn">{o.error && storedErrorText(o.error, t)}</span>
                <code className="pd-values">{JSON.stringify(o.payload)}</code>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={async () => {
                    if (o.seq !== undefined) await engine.db.outbox.delete(o.seq);
                    await engine.refreshCounts();
                  }}
                >
                  {t("sync.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(waiting ?? []).length > 0 && (
        <section className="stack-sm" data-testid="sync-waiting">
          <h2>{t("sync.waitingTitle")}</h2>
          <p className="muted">{t("sync.waitingHint")}</p>
          <ul className="pd-list">
            {(waiting ?? []).map((o) => (
              <li key={o.opId} className="card stack-sm">
                <strong>{t(`sync.entity.${o.entity}` as MessageKey)}</strong>
                <span className="muted">{t("sync.tries", { count: o.attempts })}</span>
                <code className="pd-values">{JSON.stringify(o.payload)}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Conflicts />
    </div>
  );
}

function Conflicts() {
  const { t } = useI18n();
  const online = useOnline();
  const [list, setList] = useState<SyncConflictView[] | null>(null);
  const load = useCallback(() => {
    api.call(syncApi.conflicts, { query: {} }).then(
      (r) => setList(r.conflicts),
      () => setList(null),
    );
  }, []);
  useEffect(() => {
    if (online) load();
  }, [online, load]);
  return (
    <section className="stack-sm" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t("sync.conflictTitle")}</h2>
      <p className="muted">{t("sync.conflictHint")}</p>
      {!online && <p className="alert alert--info">{t("sync.conflictOffline")}</p>}
      {list?.length === 0 && <p className="muted">{t("sync.conflictNone")}</p>}
      <ul className="pd-list" data-testid="conflicts">
        {(list ?? []).map((c) => (
          <ConflictCard key={c.id} conflict={c} onDone={load} />
        ))}
      </ul>
    </section>
  );
}

function ConflictCard({ conflict: c, onDone }: { conflict: SyncConflictView; onDone: () => void }) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(String(c.mine.name ?? c.theirs.name ?? ""));
  const fields = SHOWN_FIELDS.filter((f) => f in c.mine);
  async function resolve(choice: "mine" | "theirs" | "edit") {
    setBusy(true);
    try {
      await api.call(syncApi.resolve, {
        params: { id: c.id },
        body: { choice, ...(choice === "edit" ? { values: { name } } : {}) },
      });
      await engine.syncNow();
      onDone();
    } finally {
      setBusy(false);
    }
  }
  const value = (v: unknown) => (v === null || v === undefined ? "—" : String(v));
  return (
    <li className="card stack-sm pd-conflict" data-testid="conflict">
      <strong>
        {t(`sync.entity.${c.entity}` as MessageKey)} · {value(c.theirs.name)}
      </strong>
      <div className="pd-conflict__sides">
        <div className="pd-conflict__side" data-testid="conflict-mine">
          <h3>{t("sync.mine", { name: c.by })}</h3>
          {fields.map((f) => (
            <p key={f}>
              <span className="muted">{t(`sync.field.${f}`)}:</span> {value(c.mine[f])}
            </p>
          ))}
        </div>
        <div className="pd-conflict__side" data-testid="conflict-theirs">
          <h3>{t("sync.theirs")}</h3>
          {fields.map((f) => (
            <p key={f}>
              <span className="muted">{t(`sync.field.${f}`)}:</span> {value(c.theirs[f])}
            </p>
          ))}
        </div>
      </div>
      <p className="muted">{formatDate(c.createdAt.slice(0, 10), locale)}</p>
      {c.resolvedAt ? (
        <p className="alert alert--ok">{t("sync.resolved")}</p>
      ) : (
        <div className="stack-sm">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => resolve("mine")}
          >
            {t("sync.useMine")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => resolve("theirs")}
          >
            {t("sync.useTheirs")}
          </button>
          {"name" in c.mine && (
            <div className="pd-conflict__edit">
              <label>
                <span className="sr-only">{t("sync.field.name")}</span>
                <input value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => resolve("edit")}
              >
                {t("sync.editBoth")}
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
