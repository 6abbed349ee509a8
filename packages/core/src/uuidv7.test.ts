import { describe, expect, it } from "vitest";
import { uuidv7Generator } from "./uuidv7";

const uuidv7 = uuidv7Generator((b) => crypto.getRandomValues(b));

describe("uuidv7Generator", () => {
  it("makes version-7 RFC 9562 UUIDs carrying the time", () => {
    const a = uuidv7(Date.UTC(2026, 10, 22));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(a.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 22));
  });

  it("sorts in creation order, even many within one millisecond and when the clock steps back", () => {
    const ids = [...Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000)), uuidv7(1_600_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes every byte as two lowercase hex digits, dashes after bytes 4, 6, 8 and 10", () => {
    const fixed = uuidv7Generator((b) =>
      b.set([0, 1, 2, 3, 4, 5, 6, 7, 0xfe, 0xa9, 0x10, 0xcd, 0xef, 0x5a, 0x0b, 0xff]),
    );
    // 48 bits of milliseconds, version 7 with counter 0, variant 10 over 0xfe's low bits, then the bytes.
    expect(fixed(0x0123456789ab)).toBe("01234567-89ab-7000-bea9-10cdef5a0bff");
  });
});
