import { describe, expect, it } from "vitest";
import { ApiError } from "./client";
import { generalErrorKey } from "./errorMessages";

describe("generalErrorKey", () => {
  it("maps API failures to general messages", () => {
    expect(generalErrorKey(new ApiError(0, "network", ""))).toBe("error.network");
    expect(generalErrorKey(new ApiError(403, "forbidden", ""))).toBe("error.forbidden");
    expect(generalErrorKey(new ApiError(429, "too_many_requests", ""))).toBe("error.throttled");
    expect(generalErrorKey(new ApiError(503, "internal", ""))).toBe("error.server");
    expect(generalErrorKey(new ApiError(400, "bad_request", ""))).toBe("error.unknown");
    expect(generalErrorKey(new Error("boom"))).toBe("error.unknown");
  });
});
