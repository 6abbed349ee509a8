// The visits of one pregnancy on the woman's page: ANC checks, iron tablets and post-partum checks recorded
// between its last period and its end (or today), newest first, with the link to record the next one.
import type { ServiceRecordView } from "@tumbuh/core";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDate, todayIso } from "../../../kit/format";
import { Link } from "../../../router/navigation";
import { recordServicePath } from "../../../router/routes";

const VISIT_SERVICES = ["anc", "ttd", "nifas", "kunjungan_rumah", "konseling_gizi"] as const;
type VisitService = (typeof VISIT_SERVICES)[number];
const isVisit = (s: string): s is VisitService => (VISIT_SERVICES as readonly string[]).includes(s);

/** Nifas lasts 42 days after the end (Permenkes 21/2021): its checks belong to this pregnancy too. */
const NIFAS_DAYS = 42;

/** The live, received records of a pregnancy's window, newest first. */
export function visitsOf(
  records: readonly ServiceRecordView[],
  window: { lmpDate: string; endedOn: string | null },
  today = todayIso(),
): ServiceRecordView[] {
  const end = window.endedOn
    ? new Date(Date.parse(`${window.endedOn}T00:00:00Z`) + NIFAS_DAYS * 86_400_000).toISOString().slice(0, 10)
    : today;
  return records
    .filter((r) => r.live && r.received && isVisit(r.service))
    .filter((r) => r.givenOn >= window.lmpDate && r.givenOn <= end)
    .sort((a, b) => b.givenOn.localeCompare(a.givenOn));
}

export function PregnancyVisits({
  personId,
  visits,
  canRecord,
}: {
  personId: string;
  visits: readonly ServiceRecordView[];
  canRecord: boolean;
}) {
  const { t, locale } = useI18n();
  const anc = visits.filter((v) => v.service === "anc").length;
  return (
    <div className="stack-sm">
      <h3>{t("preg.visits.title", { anc })}</h3>
      {visits.length === 0 ? (
        <p className="muted">{t("preg.visits.none")}</p>
      ) : (
        <ul className="plain-list">
          {visits.map((v) => (
            <li key={v.id}>
              <strong>{formatDate(v.givenOn, locale)}</strong> ·{" "}
              {t(`preg.visit.${v.service as VisitService}`)}
              {v.note && <span className="muted"> — {v.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <Link to={recordServicePath(personId)} className="button button--secondary button--block">
          {t("preg.visits.record")}
        </Link>
      )}
    </div>
  );
}
