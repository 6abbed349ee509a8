import { nameKey } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { idMaker } from "./ids";
import { childName, spellingVariant } from "./names";
import { createRng } from "./random";

describe("seeded randomness and names", () => {
  it("repeats the same stream for the same seed and forks independent ones", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 50 }, () => a.u32());
    expect(Array.from({ length: 50 }, () => b.u32())).toEqual(xs);
    expect(createRng(43).u32()).not.toBe(xs[0]);
    expect(createRng(42).fork("x").u32()).toBe(createRng(42).fork("x").u32());
    expect(createRng(42).fork("x").u32()).not.toBe(createRng(42).fork("y").u32());
    const r = createRng(1);
    const normals = Array.from({ length: 20000 }, () => r.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it("makes UUIDv7-shaped ids from a counter and the seed, never the clock", () => {
    const ids = Array.from({ length: 9000 }, idMaker(createRng(5)));
    expect(Array.from({ length: 9000 }, idMaker(createRng(5)))).toEqual(ids);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^018cc251-f400-7000-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("spells a re-registered name differently with the same sound-alike key", () => {
    const rng = createRng(3);
    expect(nameKey(spellingVariant(rng, "Muhammad Rizky"))).toBe(nameKey("Muhammad Rizky"));
    for (let i = 0; i < 500; i++) {
      const name = childName(rng, i % 2 === 0 ? 1 : 2);
      const variant = spellingVariant(rng, name);
      expect(variant).not.toBe(name);
      expect(nameKey(variant)).toBe(nameKey(name));
    }
  });
});
