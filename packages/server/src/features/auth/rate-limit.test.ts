import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./rate-limit";

describe("LoginThrottle", () => {
  it("throttles after 10 failures and lets the user in again after the window", () => {
    let t = 0;
    const th = new LoginThrottle(10, 60_000, () => t);
    for (let i = 0; i < 9; i++) th.fail(["user:a"]);
    expect(th.retryAfter(["user:a"])).toBe(0);
    th.fail(["user:a"]);
    expect(th.retryAfter(["user:a"])).toBe(60);
    t = 30_000;
    expect(th.retryAfter(["user:a"])).toBe(30);
    t = 60_001;
    expect(th.retryAfter(["user:a"])).toBe(0);
  });

  it("keys are independent and success clears", () => {
    const th = new LoginThrottle(2, 60_000, () => 0);
    th.fail(["user:a", "ip:1"]);
    th.fail(["user:b", "ip:1"]);
    expect(th.retryAfter(["user:c", "ip:1"])).toBeGreaterThan(0);
    expect(th.retryAfter(["user:a", "ip:2"])).toBe(0);
    th.succeed(["ip:1"]);
    expect(th.retryAfter(["user:c", "ip:1"])).toBe(0);
  });
});
