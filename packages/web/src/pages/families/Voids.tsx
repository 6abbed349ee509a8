// Voiding a TPK visit or a family/catin screening entered by mistake (issue 17), the same way as a service
// record: a "Batalkan" button with a reason and a confirm step (services' VoidRecord), queued through the
// offline sync's outbox as its own op; until the server takes it the record shows "not sent yet", after
// that it comes back voided, struck, with its reason.
import { useI18n } from "../../i18n/I18nProvider";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { unconfirmed, type VoidEntity, voidOffline } from "../../sync/appends";
import { VoidRecord } from "../services/VoidRecord";

/** Ids of the records whose void is queued on this device and not yet taken by the server. */
export function usePendingVoids(entity: VoidEntity, key: string): Set<string> {
  const engine = useSyncEngine();
  const queued = useLive(
    () => unconfirmed<{ recordId: string }>(engine, entity, () => true),
    `${engine.userId}|${entity}|${key}`,
  );
  return new Set((queued ?? []).map((v) => v.recordId));
}

/** The mark of a voided record, with its reason. */
export function VoidedMark({ reason }: { reason: string }) {
  const { t } = useI18n();
  return (
    <p className="badge badge--warn" data-testid="voided">
      {t("fam.voided", { reason })}
    </p>
  );
}

/** The button (for a writer), or the "void not sent yet" badge while the void waits on the phone. */
export function VoidControl({
  entity,
  id,
  regionCode,
  label,
  text,
  pending,
}: {
  entity: VoidEntity;
  id: string;
  regionCode: string;
  label: string;
  text: (reason: string) => string;
  pending: boolean;
}) {
  const { t } = useI18n();
  const engine = useSyncEngine();
  if (pending) return <span className="badge badge--warn">{t("fam.voidUnsent")}</span>;
  return (
    <VoidRecord
      label={label}
      confirmText={text}
      save={async (reason) => {
        await voidOffline(engine, entity, regionCode, { id, reason });
      }}
    />
  );
}
