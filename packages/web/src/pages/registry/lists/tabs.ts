// The six list tabs of the "Sasaran & penimbangan" page, as data: order, labels, hints, tones.
import { REGISTRY_LISTS, type RegistryListName, type RegistryLists } from "@tumbuh/core";
import type { MessageKey } from "../../../i18n/messages";
import type { Tone } from "../../../kit/ui";

export interface ListTab {
  name: RegistryListName;
  label: MessageKey;
  hint: MessageKey;
  empty: MessageKey;
  /** Tone of the count when it is not zero: lists of children to act on stand out. */
  tone: Tone;
}

const TONES: Record<RegistryListName, Tone> = {
  due: "neutral",
  notMeasured2m: "warn",
  twoT: "danger",
  stunted: "warn",
  wasted: "danger",
  flagged: "info",
};

export const LIST_TABS: readonly ListTab[] = REGISTRY_LISTS.map((name) => ({
  name,
  label: `lists.tab.${name}`,
  hint: `lists.hint.${name}`,
  empty: `lists.empty.${name}`,
  tone: TONES[name],
}));

export const DEFAULT_LIST: RegistryListName = "due";

/** The list named in the URL (?daftar=twoT), or the default. */
export function parseListName(value: string | null): RegistryListName {
  return (REGISTRY_LISTS as readonly string[]).includes(value ?? "")
    ? (value as RegistryListName)
    : DEFAULT_LIST;
}

/** The count shown on a tab: the server's count, or the list length when a count is missing. */
export function tabCount(lists: RegistryLists, name: RegistryListName): number {
  const count = lists.counts?.[name];
  return typeof count === "number" ? count : (lists.lists?.[name]?.length ?? 0);
}
