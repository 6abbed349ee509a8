import { DUPLICATE_REASONS } from "@tumbuh/core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBothLanguages } from "../../../i18n/testing";
import { registryMessages } from "../i18n";
import { reasonLabel } from "./reasons";

beforeAll(() => loadBothLanguages(registryMessages));

describe("duplicate reasons", () => {
  it("words every reason code the server can send, in both languages", () => {
    for (const code of DUPLICATE_REASONS) {
      expect(reasonLabel(code, "id")).not.toBe(code);
      expect(reasonLabel(code, "en")).not.toBe(code);
    }
    expect(reasonLabel("same_birth_date", "id")).toBe("Tanggal lahir sama");
    expect(reasonLabel("mother_name_alike", "en")).toBe("Mother's/parent's name sounds alike");
  });

  it("shows an unknown code as it came", () => {
    expect(reasonLabel("same_household", "id")).toBe("same_household");
    expect(reasonLabel("constructor", "id")).toBe("constructor");
  });
});
