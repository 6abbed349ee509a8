import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const h = await hashPassword("rahasia-posyandu");
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("rahasia-posyandu", h)).toBe(true);
    expect(await verifyPassword("rahasia-posyandU", h)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("x".repeat(12))).not.toBe(await hashPassword("x".repeat(12)));
  });

  it("rejects a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("a", "plain")).toBe(false);
  });
});
