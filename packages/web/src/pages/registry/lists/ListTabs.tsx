import type { RegistryListName, RegistryLists } from "@tumbuh/core";
import { useI18n } from "../../../i18n/I18nProvider";
import { LIST_TABS, tabCount } from "./tabs";

/** The six lists as a grid of large buttons with their counts (wraps at 360 px, never scrolls sideways). */
export function ListTabs({
  lists,
  selected,
  onSelect,
}: {
  lists: RegistryLists;
  selected: RegistryListName;
  onSelect: (name: RegistryListName) => void;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("lists.tabs")}>
      <ul className="list-tabs">
        {LIST_TABS.map((tab) => {
          const count = tabCount(lists, tab.name);
          return (
            <li key={tab.name}>
              <button
                type="button"
                className="list-tab"
                aria-pressed={tab.name === selected}
                aria-controls="list-panel"
                onClick={() => onSelect(tab.name)}
              >
                <span className="list-tab__label">{t(tab.label)}</span>
                <span className={`list-tab__count${count > 0 ? ` count--${tab.tone}` : ""}`}>{count}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
