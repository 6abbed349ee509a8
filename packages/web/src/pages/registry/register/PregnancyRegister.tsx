import type { PersonSummary } from "@tumbuh/core";
import { useState } from "react";
import type { RegionView } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { PregnancyForm } from "../person/PregnancyForm";
import { searchRegion } from "./regionChoices";
import { WomanPicker } from "./WomanPicker";

/** A pregnancy for a woman already in the registry: find her, then the pregnancy form. */
export function PregnancyRegister({
  view,
  initialWoman,
  onSaved,
}: {
  view: RegionView;
  initialWoman: PersonSummary | null;
  onSaved: (woman: PersonSummary) => void;
}) {
  const { t } = useI18n();
  const [woman, setWoman] = useState<PersonSummary | null>(initialWoman);
  return (
    <div className="stack">
      <WomanPicker
        region={searchRegion(view)}
        label={t("pr.woman")}
        searchLabel={t("pr.searchWoman")}
        hint={t("pr.womanHint")}
        noneText={t("pr.womanHint")}
        chosen={woman}
        onChoose={setWoman}
      />
      {woman && <PregnancyForm key={woman.id} personId={woman.id} onSaved={() => onSaved(woman)} />}
    </div>
  );
}
