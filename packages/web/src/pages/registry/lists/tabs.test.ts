import { REGISTRY_LISTS, type RegistryLists } from "@tumbuh/core";
import { beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../../i18n/messages";
import { loadBothLanguages } from "../../../i18n/testing";
import { registryMessages } from "../i18n";
import { LIST_TABS, parseListName, tabCount } from "./tabs";

describe("list tabs", () => {
  beforeAll(() => loadBothLanguages(registryMessages));

  it("has one tab per server list, in the server's order", () => {
    expect(LIST_TABS.map((t) => t.name)).toEqual([...REGISTRY_LISTS]);
  });

  it("uses the posyandu words for the tab labels", () => {
    expect(LIST_TABS.map((t) => translate("id", t.label))).toEqual([
      "Jadwal timbang bulan ini",
      "Belum diukur 2 bulan",
      "2T – rujuk",
      "Stunting",
      "Wasting",
      "Data tidak wajar",
    ]);
    for (const tab of LIST_TABS) {
      expect(translate("en", tab.hint)).not.toBe(translate("id", tab.hint));
      expect(translate("en", tab.empty)).not.toBe(translate("id", tab.empty));
    }
  });

  it("reads the tab from the URL and falls back to the due list", () => {
    expect(parseListName("twoT")).toBe("twoT");
    expect(parseListName(null)).toBe("due");
    expect(parseListName("constructor")).toBe("due");
  });

  it("prefers the server's count and falls back to the list length", () => {
    const lists = {
      regionCode: "64.01.05.2003",
      month: "2025-06",
      counts: { due: 12 },
      lists: { stunted: [{}, {}] },
    } as unknown as RegistryLists;
    expect(tabCount(lists, "due")).toBe(12);
    expect(tabCount(lists, "stunted")).toBe(2);
    expect(tabCount(lists, "wasted")).toBe(0);
  });
});
