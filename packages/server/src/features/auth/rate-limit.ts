/**
 * Failed-login throttle: after `maxFailures` failures for the same key within `windowMs`, further attempts
 * are refused until the window since the first counted failure has passed. Keys are per username and per
 * client address, so guessing one account and spraying many accounts are both slowed.
 * In memory: one server process per regency is the deployment we ship; a restart clears it.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(keys: readonly string[]): number {
    const t = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, t);
      if (recent.length >= this.maxFailures) {
        const oldest = recent[recent.length - this.maxFailures] ?? t;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - t) / 1000));
      }
    }
    return wait;
  }

  fail(keys: readonly string[]): void {
    const t = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, t), t]);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > t - this.windowMs);
  }
}
