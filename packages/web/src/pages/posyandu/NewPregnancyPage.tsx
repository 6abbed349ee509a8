import { completedMonths, nameKey } from "@tumbuh/core";
import { useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { formatAgeMonths, todayIso } from "../../kit/format";
import { ChoiceField, TextField } from "../../kit/forms/fields";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle } from "../../kit/ui";
import { navigate } from "../../router/navigation";
import { posyanduDayPath } from "../../router/routes";
import { registerPerson, registerPregnancy } from "../../sync/outbox";
import { uuidv7 } from "../../sync/uuidv7";
import { PregnancyForm } from "../registry/person/PregnancyForm";
import { filterByName } from "./day";
import { placeName, toChild } from "./local";
import "./posyandu.css";

/** Girls and women from 10 years (remaja putri, WUS and older), as the registry's woman picker. */
const MIN_MONTHS = 120;

/** A pregnancy recorded on the spot, offline too: for a woman on the phone, or one registered here now. */
export default function NewPregnancyPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const today = todayIso();
  const name = useLive(() => placeName(engine, code), `${engine.userId}|${code}`);
  const title = t("pd.pregnancyTitle", { name: name ?? code });
  useDocumentTitle(title);
  const women = useLive(async () => {
    const all = await engine.db.records
      .where("[entity+regionCode]")
      .between(["person", ""], ["person", "\uffff"])
      .toArray();
    return all.map(toChild).filter((p) => p.sex === 2 && completedMonths(p.birthDate, today) >= MIN_MONTHS);
  }, `${engine.userId}|${today}`);
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [newId] = useState(uuidv7);
  const [woman, setWoman] = useState({ name: "", birthDate: "" });
  const [womanError, setWomanError] = useState<string | null>(null);
  const rows = useMemo(
    () =>
      filterByName(
        (women ?? []).map((w) => ({
          child: w,
          ageMonths: 0,
          weighedToday: false,
          due: false,
          last: null,
          alerts: [],
          key: w.name.toLocaleLowerCase("id"),
          soundKeys: nameKey(w.name).split(" "),
        })),
        query,
      ).slice(0, 20),
    [women, query],
  );

  async function save(payload: Parameters<typeof registerPregnancy>[2]) {
    if (mode === "existing") {
      const w = (women ?? []).find((x) => x.id === chosen);
      if (!w) {
        setWomanError(t("pd.womanPick"));
        throw new Error("no woman chosen");
      }
      await registerPregnancy(engine, w.regionCode, { ...payload, personId: w.id });
    } else {
      if (!woman.name.trim() || !woman.birthDate || woman.birthDate > today) {
        setWomanError(t("pd.womanPick"));
        throw new Error("woman incomplete");
      }
      await registerPerson(
        engine,
        { regionCode: code, name: woman.name.trim(), sex: 2, birthDate: woman.birthDate },
        newId,
      );
      await registerPregnancy(engine, code, { ...payload, personId: newId });
    }
    navigate(posyanduDayPath(code));
  }

  return (
    <div className="stack pd">
      <BackLink to={posyanduDayPath(code)}>{t("pd.back")}</BackLink>
      <h1>{title}</h1>
      <SyncStatusBar engine={engine} />
      <section className="stack card" data-testid="pd-woman">
        <ChoiceField
          label={t("pd.woman")}
          value={mode}
          onChange={(v) => {
            setMode(v);
            setWomanError(null);
          }}
          options={[
            { value: "existing", label: t("pd.womanExisting") },
            { value: "new", label: t("pd.womanNew") },
          ]}
        />
        {mode === "existing" ? (
          <>
            <TextField label={t("pd.womanSearch")} type="search" value={query} onChange={setQuery} />
            {rows.length === 0 && <p className="muted">{t("pd.womanNone")}</p>}
            <ul className="pd-list">
              {rows.map((r) => (
                <li key={r.child.id}>
                  <button
                    type="button"
                    className={chosen === r.child.id ? "pd-row pd-row--done pd-pick" : "pd-row pd-pick"}
                    aria-pressed={chosen === r.child.id}
                    onClick={() => {
                      setChosen(r.child.id);
                      setWomanError(null);
                    }}
                  >
                    <span className="pd-row__name">{r.child.name}</span>
                    <span className="pd-row__meta">
                      {formatAgeMonths(completedMonths(r.child.birthDate, today), locale)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <TextField
              label={t("pf.name")}
              value={woman.name}
              onChange={(v) => setWoman((w) => ({ ...w, name: v }))}
            />
            <TextField
              label={t("pf.birthDate")}
              type="date"
              max={today}
              value={woman.birthDate}
              onChange={(v) => setWoman((w) => ({ ...w, birthDate: v }))}
            />
          </>
        )}
        {womanError && (
          <p className="alert alert--error" role="alert">
            {womanError}
          </p>
        )}
      </section>
      <section className="card" data-testid="pd-pregnancy">
        <PregnancyForm
          personId={mode === "new" ? newId : (chosen ?? newId)}
          onSaved={() => undefined}
          save={save}
        />
      </section>
    </div>
  );
}
