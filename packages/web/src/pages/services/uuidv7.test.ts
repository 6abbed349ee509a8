import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuidv7";

describe("client-made ids", () => {
  it("are UUIDv7 carrying the time, and differ", () => {
    const a = uuidv7(Date.UTC(2026, 10, 22));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(a.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 22));
    expect(uuidv7()).not.toBe(uuidv7());
  });
});
