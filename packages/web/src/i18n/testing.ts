// For tests: the dictionaries of the shell and of every feature the route table names, and a way to
// register a feature's words in both languages before testing code that translates outside React.
import { ROUTES } from "../router/table";
import { en } from "./en";
import { id } from "./id";
import { type FeatureMessages, LOCALES, loadMessages } from "./messages";

export interface Dictionaries {
  name: string;
  id: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

/** Every feature's dictionaries named by some route, each once. */
export function featureMessagesOfRoutes(): FeatureMessages[] {
  const byName = new Map<string, FeatureMessages>();
  for (const route of ROUTES) {
    if ("messages" in route) for (const m of route.messages) byName.set(m.name, m);
  }
  return [...byName.values()];
}

/** The shell's dictionaries and every feature's, loaded. */
export async function allDictionaries(): Promise<Dictionaries[]> {
  const features = await Promise.all(
    featureMessagesOfRoutes().map(async (m) => ({
      name: m.name,
      id: await m.load.id(),
      en: await m.load.en(),
    })),
  );
  return [{ name: "shell", id, en }, ...features];
}

/** Registers features' dictionaries in every language (code under test translates with them). */
export async function loadBothLanguages(...features: FeatureMessages[]): Promise<void> {
  await Promise.all(LOCALES.flatMap((locale) => features.map((m) => loadMessages(locale, m))));
}
