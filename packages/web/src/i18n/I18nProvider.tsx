import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import {
  DEFAULT_LOCALE,
  intlLocale,
  isLocale,
  LOCALE_STORAGE_KEY,
  type Locale,
  loadVisited,
  type MessageKey,
  type MessageVars,
  translate,
} from "./messages";

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Formats an ISO timestamp or epoch milliseconds as a local date and time. */
  formatDateTime: (value: string | number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    // Downloads (plain links) are written in the chosen language: the server reads this cookie.
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older phones
    document.cookie = `tumbuh_lang=${locale}; path=/; max-age=31536000; SameSite=Strict`;
  }, [locale]);

  // Switches once the dictionaries of the pages seen so far are in the new language, so the page on
  // screen changes language at once; if they cannot load (offline, never cached) the language stays.
  const setLocale = useCallback((next: Locale) => {
    loadVisited(next).then(
      () => {
        setLocaleState(next);
        try {
          localStorage.setItem(LOCALE_STORAGE_KEY, next);
        } catch {
          // storage may be unavailable (private mode); the choice then lasts for this visit only
        }
      },
      () => undefined,
    );
  }, []);

  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeStyle: "short" });
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      formatDateTime: (v) => {
        const date = new Date(v);
        return Number.isNaN(date.getTime()) ? String(v) : dateTime.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
