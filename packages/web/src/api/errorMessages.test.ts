import { ERROR_CODES } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { id } from "../i18n/id";
import { ApiError } from "./client";
import { ERROR_MESSAGE, generalErrorKey } from "./errorMessages";

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
});
