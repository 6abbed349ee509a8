import { expect, it } from "vitest";
import { describeEachDialect } from "../../testing/dialects";
import { LOGIN_LIMITS, LoginThrottle, loginCounters } from "./rate-limit";

describeEachDialect("LoginThrottle (counters in the database)", (db) => {
  const limits = { ...LOGIN_LIMITS, userAddress: { failures: 3, windowMs: 60_000 } };

  it("refuses the attempt after the limit and lets the user try again once the window has passed", async () => {
    let t = Date.parse("2026-12-01T00:00:00Z");
    const th = new LoginThrottle(db().kysely, limits, () => t);
    const keys = loginCounters("Ani", "10.0.0.1");
    for (let i = 0; i < 3; i++) expect((await th.count(keys)).wait).toBe(0);
    const over = await th.count(keys);
    expect(over).toEqual({ wait: 60, crossed: ["userAddress"] });
    t += 30_000;
    expect((await th.count(keys)).wait).toBe(30);
    t += 30_001;
    expect((await th.count(keys)).wait).toBe(0);
  });

  it("survives a restart: a new throttle on the same database sees the old counts", async () => {
    const t = Date.parse("2026-12-01T00:00:00Z");
    const keys = loginCounters("ani", "10.0.0.1");
    const first = new LoginThrottle(db().kysely, limits, () => t);
    for (let i = 0; i < 3; i++) await first.count(keys);
    const afterRestart = new LoginThrottle(db().kysely, limits, () => t + 1000);
    expect((await afterRestart.count(keys)).wait).toBeGreaterThan(0);
  });

  it("counts every one of a parallel burst, so no more than the limit get through", async () => {
    const th = new LoginThrottle(db().kysely, limits);
    const keys = loginCounters("ani", "10.0.0.1");
    const results = await Promise.all(Array.from({ length: 20 }, () => th.count(keys)));
    expect(results.filter((r) => r.wait === 0)).toHaveLength(3);
  });

  it("forgiving a success takes back only that attempt: other usernames' counts at the address stay", async () => {
    const th = new LoginThrottle(db().kysely, { ...limits, address: { failures: 2, windowMs: 60_000 } });
    await th.count(loginCounters("budi", "10.0.0.9"));
    await th.count(loginCounters("citra", "10.0.0.9"));
    const ok = loginCounters("ani", "10.0.0.9");
    await th.count(ok); // over the address limit
    await th.forgive(ok);
    expect((await th.count(loginCounters("dewi", "10.0.0.9"))).wait).toBeGreaterThan(0);
  });
});
