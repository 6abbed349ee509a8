import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

/** At most `failures` counted attempts per `windowMs`, counted from the window's first attempt. */
export interface Limit {
  failures: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * The limits (issue 18). A username from one address is the tight one, so guessing one account is slow
 * while its owner, elsewhere, still gets in; the username from every address together has a slower limit
 * (a distributed guess still stops); one address over every username catches spraying (set above what a
 * posyandu office behind one NAT address mistypes in a quarter hour); a password change is checked per
 * user, as a stolen session must not become a way to guess the password.
 */
export const LOGIN_LIMITS = {
  userAddress: { failures: 10, windowMs: 15 * MINUTE },
  user: { failures: 50, windowMs: 60 * MINUTE },
  address: { failures: 30, windowMs: 15 * MINUTE },
  passwordChange: { failures: 5, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LOGIN_LIMITS;

/** One counter: its key in the table and the limit it is held to. */
export interface Counter {
  key: string;
  limit: LimitName;
}

/** The counters of a login attempt. Usernames are compared case-insensitively, as logins are. */
export function loginCounters(username: string, address: string): Counter[] {
  const user = username.trim().toLowerCase();
  return [
    { key: `user-address:${user}|${address}`, limit: "userAddress" },
    { key: `user:${user}`, limit: "user" },
    { key: `address:${address}`, limit: "address" },
  ];
}

export function passwordChangeCounter(userId: string): Counter {
  return { key: `password:${userId}`, limit: "passwordChange" };
}

/** What counting an attempt found: wait > 0 means refuse; `crossed` names counters this attempt took over. */
export interface Counted {
  wait: number;
  crossed: LimitName[];
}

/**
 * Failed-attempt throttle kept in the database, so a restart or a second process does not reset it.
 * Every attempt is counted BEFORE the password is checked (a burst of parallel attempts cannot all pass a
 * check made before any of them failed); a success then takes its own count back. Counting is one atomic
 * upsert per counter, on both dialects.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: Record<LimitName, Limit> = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Count one attempt on every counter; the wait (seconds) is > 0 when any counter is over its limit. */
  async count(counters: readonly Counter[]): Promise<Counted> {
    const t = this.now();
    await this.prune(t);
    let wait = 0;
    const crossed: LimitName[] = [];
    for (const c of counters) {
      const limit = this.limits[c.limit];
      const nowIso = new Date(t).toISOString();
      const cutoff = new Date(t - limit.windowMs).toISOString();
      const row = await this.db
        .insertInto("login_throttle")
        .values({ key: c.key, window_start: nowIso, failures: 1 })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            failures: sql<number>`case when login_throttle.window_start <= ${cutoff} then 1 else login_throttle.failures + 1 end`,
            window_start: sql<string>`case when login_throttle.window_start <= ${cutoff} then ${nowIso} else login_throttle.window_start end`,
          }),
        )
        .returning(["failures", "window_start"])
        .executeTakeFirstOrThrow();
      const failures = Number(row.failures);
      if (failures > limit.failures) {
        const ends = Date.parse(row.window_start) + limit.windowMs;
        wait = Math.max(wait, Math.max(1, Math.ceil((ends - t) / 1000)));
        if (failures === limit.failures + 1) crossed.push(c.limit);
      }
    }
    return { wait, crossed };
  }

  /** Take back one counted attempt (it succeeded); counters of other usernames at the address stay. */
  async forgive(counters: readonly Counter[]): Promise<void> {
    for (const c of counters) {
      await this.db
        .updateTable("login_throttle")
        .set({ failures: sql<number>`failures - 1` })
        .where("key", "=", c.key)
        .where("failures", ">", 0)
        .execute();
    }
  }

  /** Start a counter again (the right password for this username from this address). */
  async clear(counter: Counter): Promise<void> {
    await this.db.deleteFrom("login_throttle").where("key", "=", counter.key).execute();
  }

  /** Counters whose window has ended for every limit say nothing any more; keeps the table small. */
  private async prune(t: number): Promise<void> {
    const longest = Math.max(...Object.values(this.limits).map((l) => l.windowMs));
    await this.db
      .deleteFrom("login_throttle")
      .where("window_start", "<", new Date(t - longest).toISOString())
      .execute();
  }
}
