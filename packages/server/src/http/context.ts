import type { Actor } from "@tumbuh/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { Config } from "../config";
import type { Database } from "../db/schema";
import { errors } from "../errors";
import type { LoginThrottle } from "../features/auth/rate-limit";
import type { JobRunner } from "../features/jobs/runner";

export const SESSION_COOKIE = "tumbuh_session";

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  throttle: LoginThrottle;
  /** Heavy work off the request path (features/jobs). */
  jobs: JobRunner;
}

export type Api = FastifyInstance & { withTypeProvider: FastifyInstance["withTypeProvider"] };

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, OpenAPI document). */
    public?: boolean;
  }
}

/** The signed-in actor of a request that passed the session hook. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw errors.unauthenticated();
  return req.actor;
}
