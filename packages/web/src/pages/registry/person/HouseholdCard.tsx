import { type HouseholdView, LATRINE_TYPES, WATER_SOURCES } from "@tumbuh/core";
import { useId } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { maskDigits } from "../../../kit/format";
import { Link } from "../../../router/navigation";
import { registerPath } from "../../../router/routes";
import { useWriterAt } from "../useWriter";

/** The household: address, KK (masked), drinking water and latrine with "layak / tidak layak". */
export function HouseholdCard({
  household,
  regionCode,
}: {
  household: HouseholdView | null;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const writer = useWriterAt(regionCode);
  const headingId = useId();
  if (!household) {
    return (
      <section className="card stack" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("person.household")}</h2>
        <p className="muted">{t("person.noHousehold")}</p>
      </section>
    );
  }
  const water = WATER_SOURCES[household.waterSource as keyof typeof WATER_SOURCES];
  const latrine = LATRINE_TYPES[household.latrineType as keyof typeof LATRINE_TYPES];
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("person.household")}</h2>
      <dl className="facts">
        {household.headName && (
          <div>
            <dt>{t("person.head")}</dt>
            <dd>{household.headName}</dd>
          </div>
        )}
        <div>
          <dt>{t("person.address")}</dt>
          <dd>
            {household.address}
            {(household.rt || household.rw) && (
              <>
                <br />
                {t("person.rtrw", { rt: household.rt ?? "–", rw: household.rw ?? "–" })}
              </>
            )}
          </dd>
        </div>
        {household.kkNumber && (
          <div>
            <dt>{t("person.kk")}</dt>
            <dd>{maskDigits(household.kkNumber)}</dd>
          </div>
        )}
        <div>
          <dt>{t("person.water")}</dt>
          <dd>
            {water?.[locale] ?? household.waterSource} <Layak ok={household.safeWater} />
          </dd>
        </div>
        <div>
          <dt>{t("person.latrine")}</dt>
          <dd>
            {latrine?.[locale] ?? household.latrineType} <Layak ok={household.properLatrine} />
          </dd>
        </div>
      </dl>
      {writer && (
        <Link
          to={`${registerPath(household.regionCode || regionCode)}?ruta=${encodeURIComponent(household.id)}`}
          className="button button--secondary button--block"
        >
          {t("person.addMember")}
        </Link>
      )}
    </section>
  );
}

function Layak({ ok }: { ok: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${ok ? "ok" : "danger"} badge--inline`}>
      {ok ? t("person.layak") : t("person.tidakLayak")}
    </span>
  );
}
