import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { TEST_CONFIG } from "../../testing/config";
import { DEFAULT_PASSWORD_COST, dummyHash, hashPassword, setPasswordCost, verifyPassword } from "./password";

describe("password hashing", () => {
  afterEach(() => setPasswordCost(TEST_CONFIG.passwordCost));

  it("verifies the right password and rejects a wrong one", async () => {
    const h = await hashPassword("rahasia-posyandu");
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$/); // tests run at TEST_CONFIG's cost (testing/setup.ts)
    expect(await verifyPassword("rahasia-posyandu", h)).toBe(true);
    expect(await verifyPassword("rahasia-posyandU", h)).toBe(false);
  });

  it("hashes at N = 2^15 unless configured otherwise, and the hash names its cost", async () => {
    expect(loadConfig({}).passwordCost).toBe(DEFAULT_PASSWORD_COST);
    expect(DEFAULT_PASSWORD_COST).toBe(15);
    expect(loadConfig({ TUMBUH_PASSWORD_COST: "11" }).passwordCost).toBe(11);
    expect(() => loadConfig({ TUMBUH_PASSWORD_COST: "4" })).toThrow(/TUMBUH_PASSWORD_COST/);
    setPasswordCost(DEFAULT_PASSWORD_COST);
    expect(await hashPassword("rahasia-posyandu")).toMatch(/^scrypt\$32768\$8\$1\$/);
    setPasswordCost(10);
    expect(await hashPassword("rahasia-posyandu")).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it("verifies a hash made at another cost than the current one", async () => {
    setPasswordCost(12);
    const h = await hashPassword("rahasia-posyandu");
    setPasswordCost(10);
    expect(await verifyPassword("rahasia-posyandu", h)).toBe(true);
    expect(await verifyPassword("rahasia-posyandU", h)).toBe(false);
  });

  it("makes the unknown-user hash at the current cost, once", async () => {
    setPasswordCost(11);
    const d = await dummyHash();
    expect(d).toMatch(/^scrypt\$2048\$/);
    expect(await dummyHash()).toBe(d);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("x".repeat(12))).not.toBe(await hashPassword("x".repeat(12)));
  });

  it("rejects a malformed stored hash, or one asking for absurd memory, instead of throwing", async () => {
    expect(await verifyPassword("a", "plain")).toBe(false);
    expect(await verifyPassword("a", "scrypt$1000$8$1$c2FsdA$aGFzaA")).toBe(false);
    expect(await verifyPassword("a", `scrypt$${2 ** 24}$8$1$c2FsdA$aGFzaA`)).toBe(false);
  });

  it("refuses a cost outside 10–20", () => {
    expect(() => setPasswordCost(9)).toThrow();
    expect(() => setPasswordCost(21)).toThrow();
  });
});
