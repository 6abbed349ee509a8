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
});
