import { describe, expect, it } from "vitest";
import { newId } from "./shared";

describe("family pages helpers", () => {
  it("newId makes RFC 9562 UUIDv7s in time order", () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.slice(0, 13) < b.slice(0, 13)).toBe(true);
  });
});
