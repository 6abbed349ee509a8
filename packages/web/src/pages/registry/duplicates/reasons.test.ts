import { describe, expect, it } from "vitest";
import { reasonLabel } from "./reasons";

describe("duplicate reasons", () => {
  it("translates the server's reasons and shows others as they are", () => {
    expect(reasonLabel("same birth date", "id")).toBe("Tanggal lahir sama");
    expect(reasonLabel("same name (sound-alike)", "id")).toBe("Nama mirip (bunyi sama)");
    expect(reasonLabel("mother's name sounds alike", "en")).toBe("Mother's/parent's name sounds alike");
    expect(reasonLabel("same household", "id")).toBe("same household");
    expect(reasonLabel("constructor", "id")).toBe("constructor");
  });
});
