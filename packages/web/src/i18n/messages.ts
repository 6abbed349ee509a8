// Locale data and pure helpers (no React, no DOM) so they can be unit-tested in node.
// The app shell's dictionaries (./id.ts, ./en.ts) are always here; each feature's are loaded with its pages
// (pages/<feature>/i18n/, named in the feature's routes) and registered in the one lookup below.
import type { ROUTES } from "../router/table";
import { en } from "./en";
import { id, type ShellKey } from "./id";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_STORAGE_KEY = "tumbuh.locale";

/** A feature's dictionaries: one loader per language, each its own chunk. */
export interface FeatureMessages<K extends string = string> {
  readonly name: string;
  readonly load: { readonly [L in Locale]: () => Promise<Readonly<Record<K, string>>> };
}

/** Declares a feature's dictionaries; the English one must have exactly the Indonesian keys. */
export function featureMessages<D extends Record<string, string>>(
  name: string,
  load: { id: () => Promise<D>; en: () => Promise<Record<keyof D, string>> },
): FeatureMessages<keyof D & string> {
  return { name, load };
}

type FeatureKey<M> = M extends FeatureMessages<infer K> ? K : never;
type RoutesWithMessages = Extract<(typeof ROUTES)[number], { readonly messages: unknown }>;

/** Every key of the shell and of every feature the route table names: t() is typed over all of them. */
export type MessageKey = ShellKey | FeatureKey<RoutesWithMessages["messages"][number]>;

/** A lookup without Object's prototype, so no key ever finds "constructor" or "toString". */
function dictionary(words: Readonly<Record<string, string>>): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, words);
}

/** What t() looks keys up in: the shell's words plus every feature dictionary loaded so far. */
const lookup: Record<Locale, Record<string, string>> = { id: dictionary(id), en: dictionary(en) };
const loaded: Record<Locale, Set<string>> = { id: new Set(), en: new Set() };
const pending = new Map<string, Promise<void>>();
/** Features whose dictionaries were wanted in some language: switching language loads theirs too. */
const visited = new Map<string, FeatureMessages>();

export function isLoaded(locale: Locale, messages: FeatureMessages): boolean {
  return loaded[locale].has(messages.name);
}

/**
 * Loads one feature's dictionary for a locale and registers it. The same promise for the same feature and
 * locale until it settles (React's use() needs that); a failed load is forgotten so a retry loads again.
 */
export function loadMessages(locale: Locale, messages: FeatureMessages): Promise<void> {
  visited.set(messages.name, messages);
  if (isLoaded(locale, messages)) return Promise.resolve();
  const slot = `${messages.name}:${locale}`;
  let promise = pending.get(slot);
  if (!promise) {
    promise = messages.load[locale]().then(
      (dictionary) => {
        Object.assign(lookup[locale], dictionary);
        loaded[locale].add(messages.name);
        pending.delete(slot);
      },
      (error: unknown) => {
        pending.delete(slot);
        throw error;
      },
    );
    pending.set(slot, promise);
  }
  return promise;
}

/** Loads, for a locale, the dictionaries of every feature shown so far (before switching to it). */
export function loadVisited(locale: Locale): Promise<void> {
  return Promise.all([...visited.values()].map((m) => loadMessages(locale, m))).then(() => undefined);
}

/** BCP 47 tags for Intl formatting. */
export const intlLocale: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

export type MessageVars = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Replaces {name} placeholders; an unknown placeholder is left as written so a mistake is visible. */
export function format(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/**
 * The text of a key in a locale, else in Indonesian, else the key itself (a page whose route does not
 * load the dictionary it uses; the i18n tests check every page's keys against its route's dictionaries).
 */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return format(lookup[locale][key] ?? lookup.id[key] ?? key, vars);
}

/** The placeholder names used in a message, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}
