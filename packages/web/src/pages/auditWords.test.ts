import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { id } from "../i18n/id";
import { AUDIT_THINGS, AUDIT_VERBS, auditWords } from "./auditWords";

describe("audit entries in words", () => {
  it("reads an action as a verb and its record kind, in both languages", () => {
    expect(auditWords({ action: "measurement.create", entity: "measurement" })).toEqual({
      verb: "audit.verb.create",
      thing: "audit.thing.measurement",
    });
    expect(id["audit.verb.create"]).toBe("menambah");
    expect(id["audit.thing.measurement"]).toBe("pengukuran");
    for (const k of [
      ...AUDIT_VERBS.map((v) => `audit.verb.${v}`),
      ...AUDIT_THINGS.map((x) => `audit.thing.${x}`),
    ]) {
      expect((id as Record<string, string>)[k], k).toBeTruthy();
      expect((en as Record<string, string>)[k], k).toBeTruthy();
    }
  });

  it("a void and an undone moved-away mark read as words (issue 17)", () => {
    expect(auditWords({ action: "tpk_visit.void", entity: "tpk_visit" })).toEqual({
      verb: "audit.verb.void",
      thing: "audit.thing.tpk_visit",
    });
    expect(auditWords({ action: "person.leave_undo", entity: "person" }).verb).toBe("audit.verb.leave_undo");
    expect(id["audit.verb.leave_undo"]).toBe("membatalkan tanda pindah/meninggal");
  });

  it("never shows an unknown code: it falls back to general words", () => {
    expect(auditWords({ action: "x.frobnicate", entity: "t" })).toEqual({
      verb: "audit.verb.other",
      thing: "audit.thing.other",
    });
  });
});
