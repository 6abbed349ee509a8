import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "./name-key";

describe("nameKey", () => {
  it("folds the spelling variants of one name", () => {
    const groups = [
      ["Muhammad Rizky", "Mohamad Rizki", "Muhamad Risky", "MUHAMMAD RIZQI"],
      ["Siti Nurhaliza", "Siti Noerhaliza", "Sity Nurhalizah"],
      ["Djoko Susilo", "Joko Susilo", "Djoko Soesilo"],
      ["Tjahyo", "Cahyo", "Tjahjo"],
      ["Yusuf", "Jusuf"],
      ["An. Aisyah Putri", "Aisyah Putri", "By. Aisyah Putri"],
    ];
    for (const g of groups) expect(new Set(g.map(nameKey)).size, g.join(" / ")).toBe(1);
  });

  it("keeps different names apart", () => {
    const names = [
      "Aisyah Putri",
      "Aisyah Putra",
      "Rizky Ramadhan",
      "Rudi Hartono",
      "Nur Aini",
      "Nur Aina Sari",
    ];
    const keys = names.map(nameKey);
    expect(new Set(keys).size).toBe(names.length - 1); // Putri/Putra fold (only vowels differ): date + mother decide
  });

  it("reads the words of a name in one pass exactly as the plain steps do", () => {
    // The plain steps (NFKD, accents dropped, lower case, non-letters to spaces, split), then what nameKey
    // does with the words; nameKey's one-pass reading of ASCII names is held to them.
    const prefixes = new Set(["an", "anak", "by", "bayi", "bayi ny", "ny", "nn", "tn", "sdr", "hj", "h"]);
    const plain = (name: string) => {
      const words = name
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z\s]/g, " ")
        .split(/\s+/)
        .filter((w) => w !== "");
      while (words.length > 1 && prefixes.has(words[0] ?? "")) words.shift();
      return words;
    };
    const name = fc.oneof(
      fc.string({ maxLength: 24 }),
      fc.stringMatching(/^[A-Za-z .,'\-0-9\t]{0,24}$/),
      fc
        .array(
          fc.constantFrom(
            "An.",
            "by",
            "BAYI",
            "Ny.",
            "Siti",
            "Nur",
            "Muhammad",
            "Dj",
            "Çahyo",
            "ﬁ",
            "Ⅻ",
            " ",
            "-",
            "'",
          ),
          { maxLength: 6 },
        )
        .map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(name, (n) => {
        expect(nameKey(n)).toBe(
          plain(n)
            .map((w) => nameKey(w))
            .join(" "),
        );
      }),
      { numRuns: 10_000 },
    );
  });
});
