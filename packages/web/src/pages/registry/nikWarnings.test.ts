import { checkNik } from "@tumbuh/core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBothLanguages } from "../../i18n/testing";
import { registryMessages } from "./i18n";
import { nikWarningText } from "./nikWarnings";

beforeAll(() => loadBothLanguages(registryMessages));

describe("NIK warnings", () => {
  it("translates the warnings core's checkNik produces", () => {
    const { warnings } = checkNik("6401055204960003", { sex: 1, birthDate: "1996-04-21" }, () => true);
    expect(warnings.map((w) => nikWarningText(w, "id"))).toEqual([
      "Menurut NIK perempuan, tetapi jenis kelamin yang diisi laki-laki.",
      "Tanggal lahir menurut NIK (12-04-96) berbeda dengan tanggal lahir yang diisi (21-04-96).",
    ]);
    expect(nikWarningText(warnings[0] ?? "", "en")).toBe("The NIK says female but the sex entered is male.");
  });
  it("shows other warnings as written", () => {
    expect(nikWarningText("NIK already used by another person", "id")).toBe(
      "NIK already used by another person",
    );
  });
});
