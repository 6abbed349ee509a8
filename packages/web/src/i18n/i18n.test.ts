import { describe, expect, it } from "vitest";
import { KINDS, LEVELS, ROLES } from "../api/types";
import {
  dictionaries,
  format,
  isLocale,
  LOCALES,
  type MessageKey,
  placeholders,
  translate,
} from "./messages";

describe("dictionaries", () => {
  const idKeys = Object.keys(dictionaries.id).sort();

  it("have identical key sets", () => {
    for (const locale of LOCALES) expect(Object.keys(dictionaries[locale]).sort()).toEqual(idKeys);
  });

  it("have no empty or whitespace-only strings", () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(dictionaries[locale])) {
        expect(value.trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("use the same placeholders in every locale", () => {
    for (const key of idKeys as MessageKey[]) {
      for (const locale of LOCALES) {
        expect(placeholders(dictionaries[locale][key]), `${locale} ${key}`).toEqual(
          placeholders(dictionaries.id[key]),
        );
      }
    }
  });

  it("label every role, level and kind of the API", () => {
    for (const role of ROLES) expect(dictionaries.id).toHaveProperty(`role.${role}`);
    for (const level of LEVELS) expect(dictionaries.id).toHaveProperty(`level.${level}`);
    for (const kind of KINDS) expect(dictionaries.id).toHaveProperty(`kind.${kind}`);
  });

  it("carry the exact Indonesian texts the acceptance tests look for", () => {
    expect(dictionaries.id["login.error.invalid"]).toBe("Nama pengguna atau kata sandi salah.");
    expect(dictionaries.id["notFound.title"]).toBe("Tidak ditemukan");
    expect(dictionaries.id["password.title"]).toBe("Ganti kata sandi");
    expect(dictionaries.id["home.yourRegions"]).toBe("Wilayah Anda");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Halo, {name}", { name: "Siti" })).toBe("Halo, Siti");
    expect(format("{a}+{a}={b}", { a: 1, b: 2 })).toBe("1+1=2");
    expect(format("Tunggu {seconds} detik", {})).toBe("Tunggu {seconds} detik");
    expect(format("no vars")).toBe("no vars");
    expect(format("{toString}", {})).toBe("{toString}");
  });

  it("translates per locale", () => {
    expect(translate("id", "home.greeting", { name: "Siti" })).toBe("Halo, Siti");
    expect(translate("en", "home.greeting", { name: "Siti" })).toBe("Hello, Siti");
  });

  it("recognises locales", () => {
    expect(isLocale("id")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
