import { beforeAll, describe, expect, it } from "vitest";
import { KINDS, LEVELS, ROLES } from "../api/types";
import { registryMessages } from "../pages/registry/i18n";
import { id } from "./id";
import { format, isLoaded, isLocale, LOCALES, loadMessages, placeholders, translate } from "./messages";
import { allDictionaries, type Dictionaries } from "./testing";

describe("dictionaries (the shell's and every feature's)", () => {
  let all: Dictionaries[] = [];
  beforeAll(async () => {
    all = await allDictionaries();
  });

  it("are the shell's and one per feature", () => {
    expect(all.map((d) => d.name).sort()).toEqual([
      "antenatal",
      "families",
      "indicators",
      "planning",
      "posyandu",
      "registry",
      "reports",
      "search",
      "services",
      "shell",
      "skdn",
      "tika",
      "users",
    ]);
  });

  it("have identical key sets in every language", () => {
    for (const d of all) {
      const idKeys = Object.keys(d.id).sort();
      for (const locale of LOCALES)
        expect(Object.keys(d[locale]).sort(), `${d.name} ${locale}`).toEqual(idKeys);
    }
  });

  it("have no empty or whitespace-only strings", () => {
    for (const d of all) {
      for (const locale of LOCALES) {
        for (const [key, value] of Object.entries(d[locale])) {
          expect(value.trim(), `${d.name} ${locale} ${key}`).not.toBe("");
        }
      }
    }
  });

  it("use the same placeholders in every locale", () => {
    for (const d of all) {
      for (const [key, text] of Object.entries(d.id)) {
        for (const locale of LOCALES) {
          expect(placeholders(d[locale][key] ?? ""), `${d.name} ${locale} ${key}`).toEqual(
            placeholders(text),
          );
        }
      }
    }
  });

  it("define each key in one dictionary only", () => {
    const owner = new Map<string, string>();
    for (const d of all) {
      for (const key of Object.keys(d.id)) {
        expect(owner.get(key), `${key} in ${d.name}`).toBeUndefined();
        owner.set(key, d.name);
      }
    }
  });

  it("label every role, level and kind of the API in the shell", () => {
    for (const role of ROLES) expect(id).toHaveProperty(`role.${role}`);
    for (const level of LEVELS) expect(id).toHaveProperty(`level.${level}`);
    for (const kind of KINDS) expect(id).toHaveProperty(`kind.${kind}`);
  });

  it("carry the exact Indonesian texts the acceptance tests look for", () => {
    expect(id["login.error.invalid"]).toBe("Nama pengguna atau kata sandi salah.");
    expect(id["notFound.title"]).toBe("Tidak ditemukan");
    expect(id["password.title"]).toBe("Ganti kata sandi");
    expect(id["home.yourRegions"]).toBe("Wilayah Anda");
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

describe("feature dictionaries at run time", () => {
  it("translate a feature's key once its dictionary for that language is loaded", async () => {
    expect(isLoaded("en", registryMessages)).toBe(false);
    expect(translate("en", "reg.searching")).toBe("reg.searching");
    await loadMessages("id", registryMessages);
    // English not loaded yet: the Indonesian text rather than a raw key
    expect(translate("en", "reg.searching")).toBe("Mencari…");
    const loading = loadMessages("en", registryMessages);
    expect(loadMessages("en", registryMessages)).toBe(loading);
    await loading;
    expect(isLoaded("en", registryMessages)).toBe(true);
    expect(translate("en", "reg.searching")).toBe("Searching…");
  });

  it("forget a failed load so the next try loads again", async () => {
    let calls = 0;
    const flaky = {
      name: "flaky",
      load: {
        id: () => (++calls === 1 ? Promise.reject(new Error("offline")) : Promise.resolve({ "x.y": "ok" })),
        en: () => Promise.resolve({ "x.y": "ok" }),
      },
    };
    await expect(loadMessages("id", flaky)).rejects.toThrow("offline");
    expect(isLoaded("id", flaky)).toBe(false);
    await loadMessages("id", flaky);
    expect(isLoaded("id", flaky)).toBe(true);
    expect(calls).toBe(2);
  });

  it("never find a key on Object's prototype", () => {
    expect(translate("id", "constructor" as never)).toBe("constructor");
  });
});
