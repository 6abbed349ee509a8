// Locale data and pure helpers (no React, no DOM) so they can be unit-tested in node.
import { en } from "./en";
import { id, type MessageKey } from "./id";

export type { MessageKey };
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_STORAGE_KEY = "tumbuh.locale";

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

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

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return format(dictionaries[locale][key], vars);
}

/** The placeholder names used in a message, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}
