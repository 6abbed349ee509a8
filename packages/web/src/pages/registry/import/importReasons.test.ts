import { IMPORT_REASONS, ImportRowErrorSchema } from "@tumbuh/core";
import { beforeAll, describe, expect, it } from "vitest";
import { type MessageKey, placeholders, translate } from "../../../i18n/messages";
import { loadBothLanguages } from "../../../i18n/testing";
import { registryMessages } from "../i18n";

beforeAll(() => loadBothLanguages(registryMessages));

describe("import rejection reasons", () => {
  // The report schema admits exactly these codes, so a reason the import can emit is one of them.
  it("the report carries a code from the list, never free text", () => {
    expect(ImportRowErrorSchema.shape.code.options).toEqual(IMPORT_REASONS);
    expect(
      ImportRowErrorSchema.safeParse({ line: 2, column: "Berat", code: "x is not a number", params: {} })
        .success,
    ).toBe(false);
  });

  it("every code the import can emit is said in Indonesian and in English", () => {
    for (const code of IMPORT_REASONS) {
      const key = `import.reason.${code}` as MessageKey;
      const id = translate("id", key);
      const en = translate("en", key);
      expect(id, code).not.toBe(key);
      expect(en, code).not.toBe(key);
      expect(en, code).not.toBe(id);
      expect(placeholders(en), code).toEqual(placeholders(id));
    }
  });

  it("a reason reads with its values filled in", () => {
    expect(translate("id", "import.reason.not_number", { value: "delapan" })).toBe('"delapan" bukan angka.');
    expect(translate("en", "import.reason.unknown_kecamatan", { name: "Atlantis" })).toBe(
      'Unknown kecamatan "Atlantis" (or outside your area).',
    );
  });
});
