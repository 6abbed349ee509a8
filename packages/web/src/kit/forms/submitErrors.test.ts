import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { submitFailure } from "./submitErrors";

describe("submitFailure", () => {
  it("says nothing was saved when offline", () => {
    expect(submitFailure(new ApiError(0, "network", "x"))).toEqual({
      message: "reg.offlineWrite",
      fields: {},
    });
  });
  it("asks to reload on a stale revision", () => {
    expect(submitFailure(new ApiError(409, "conflict", "stale")).message).toBe("reg.conflict");
  });
  it("tells a NIK already registered from a stale revision", () => {
    expect(
      submitFailure(new ApiError(409, "conflict", "nik: this NIK is already registered", "nik")),
    ).toEqual({
      message: "reg.fixErrors",
      fields: { nik: { key: "v.nikTaken" } },
    });
  });
  it("puts a malformed NIK next to the NIK field", () => {
    expect(submitFailure(new ApiError(400, "validation", "NIK must be 16 digits", "nik"))).toEqual({
      message: "reg.fixErrors",
      fields: { nik: { key: "v.nikServer" } },
    });
  });
  it("renames server fields to form fields", () => {
    expect(
      submitFailure(new ApiError(400, "validation", "x", "weightKg"), { weightKg: "weight" }).fields,
    ).toEqual({ weight: { key: "v.invalid" } });
  });
  it("falls back to the general messages", () => {
    expect(submitFailure(new ApiError(500, "internal", "x")).message).toBe("error.server");
    expect(submitFailure(new Error("boom")).message).toBe("error.unknown");
  });
});
