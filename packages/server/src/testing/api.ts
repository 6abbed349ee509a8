import type { FastifyInstance, InjectOptions } from "fastify";
import { buildApp } from "../app";
import type { Config } from "../config";
import type { Db } from "../db/database";
import { DEMO_PASSWORD } from "../demo/demo";
import { JOB_HANDLERS } from "../features";
import { JobRunner } from "../features/jobs/runner";
import { TEST_CONFIG } from "./config";

export { TEST_CONFIG };

/** The real app in-process (Fastify inject), with helpers to act as a demo user. */
export async function testApi(db: Db, config: Config = TEST_CONFIG) {
  // Jobs run in this thread (the database is in memory); `api.jobs.idle()` waits for them.
  const jobs = new JobRunner({ db: db.kysely, handlers: JOB_HANDLERS, databaseUrl: null });
  const app: FastifyInstance = await buildApp({ db: db.kysely, config, jobs });
  app.addHook("onClose", () => jobs.close());
  const cookies = new Map<string, string>();
  const api = {
    app,
    jobs,
    async login(username: string, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((k) => k.name === "tumbuh_session");
      if (!c) throw new Error("no session cookie");
      cookies.set(username, c.value);
      return c;
    },
    /** A request as `username` (logged in on first use), or anonymous with `as: null`. */
    async request(as: string | null, opts: InjectOptions) {
      if (as !== null && !cookies.has(as)) await api.login(as);
      const cookie = as === null ? undefined : cookies.get(as);
      const own = (opts.cookies ?? {}) as Record<string, string>;
      return app.inject({ ...opts, cookies: cookie ? { ...own, tumbuh_session: cookie } : own });
    },
  };
  return api;
}
