import { ERROR_CODES, ERROR_REASONS } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { id } from "../i18n/id";
import { translate } from "../i18n/messages";
import { ApiError } from "./client";
import { ERROR_MESSAGE, errorText, generalErrorKey, REASON_MESSAGE } from "./errorMessages";

describe("generalErrorKey", () => {
  it("maps API failures to general messages", () => {
    expect(generalErrorKey(new ApiError(0, "network", ""))).toBe("error.network");
    expect(generalErrorKey(new ApiError(403, "forbidden", ""))).toBe("error.forbidden");
    expect(generalErrorKey(new ApiError(429, "too_many_requests", ""))).toBe("error.throttled");
    expect(generalErrorKey(new ApiError(503, "internal", ""))).toBe("error.server");
    expect(generalErrorKey(new ApiError(409, "stage_evidence", ""))).toBe("error.code.stage_evidence");
    expect(generalErrorKey(new Error("boom"))).toBe("error.unknown");
  });

  it("falls back on the status for a code the client does not know", () => {
    expect(generalErrorKey(new ApiError(503, "gateway_down", ""))).toBe("error.server");
    expect(generalErrorKey(new ApiError(418, "teapot", ""))).toBe("error.unknown");
  });

  it("has a message in both languages for every error code of core's union", () => {
    for (const code of ERROR_CODES) {
      const key = ERROR_MESSAGE[code];
      for (const locale of ["id", "en"] as const) {
        const text = ({ id, en }[locale] as Record<string, string>)[key];
        expect(text, `${locale} ${code}`).toBeTruthy();
        expect(text, `${locale} ${code}`).not.toContain(code);
      }
    }
  });

  it("has a message in both languages for every error reason (field-level and the rules'), naming only numbers and lists", () => {
    for (const reason of ERROR_REASONS) {
      const key = REASON_MESSAGE[reason];
      for (const locale of ["id", "en"] as const) {
        const text = ({ id, en }[locale] as Record<string, string>)[key];
        expect(text, `${locale} ${reason}`).toBeTruthy();
        if (reason.includes("_")) expect(text, `${locale} ${reason}`).not.toContain(reason);
        for (const [, name] of (text ?? "").matchAll(/\{(\w+)\}/g)) expect(["min", "max"]).toContain(name);
      }
    }
  });
});

describe("errorText", () => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate("id", key, vars);
  const refused = (status: number, error: object) =>
    new ApiError(status, (error as { code: string }).code, "developer text", undefined, undefined, { error });

  it("words a refused planning stage from its reason, never the server's developer text", () => {
    const e = refused(409, {
      code: "stage_evidence",
      message: "status: fgd_desa needs first: meeting_fgd_desa",
      reason: "missing_evidence",
      params: { stage: "fgd_desa", missing: ["meeting_fgd_desa"] },
    });
    const general = errorText(e, t);
    expect(general).toBe(
      "Tahap ini belum dapat ditandai selesai. Lihat bukti yang diperlukan pada tahap ini.",
    );
    const worded = errorText(e, t, (_p, code) =>
      code === "meeting_fgd_desa" ? "berita acara FGD desa" : null,
    );
    expect(worded).toContain("Yang belum ada: berita acara FGD desa.");
    for (const text of [general, worded]) {
      expect(text).not.toMatch(/fgd_desa|meeting_|status:|developer/);
    }
  });

  it("words field-level refusals with their limits in the user's language", () => {
    const small = refused(400, {
      code: "validation",
      field: "numerator",
      reason: "too_small",
      params: { min: 0 },
    });
    expect(errorText(small, t)).toContain("paling kecil 0");
    const ratio = refused(400, {
      code: "validation",
      field: "numerator",
      reason: "numerator_above_denominator",
    });
    expect(errorText(ratio, t)).toContain("Pembilang tidak boleh lebih besar dari penyebut.");
    expect(errorText(refused(403, { code: "forbidden" }), t)).toBe(
      "Anda tidak memiliki akses ke halaman ini.",
    );
    // an unknown reason falls back to the code's message alone
    expect(errorText(refused(400, { code: "validation", reason: "made_up" }), t)).toBe(
      "Ada isian yang tidak valid. Periksa kembali isian yang ditandai.",
    );
  });
});
