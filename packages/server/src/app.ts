import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { Config } from "./config";
import type { Database } from "./db/schema";
import { FEATURES, JOB_HANDLERS, registerSyncEntities } from "./features";
import { LoginThrottle } from "./features/auth/rate-limit";
import { keepFiguresFresh } from "./features/indicators/freshness";
import { JobRunner } from "./features/jobs/runner";
import type { AppDeps } from "./http/context";
import { installErrorHandler } from "./http/errors";
import { installSecurity } from "./http/security";

export interface AppOptions {
  db: Kysely<Database>;
  config: Config;
  throttle?: LoginThrottle;
  logger?: boolean;
  /** The job runner; by default one over the same database (in this thread for an in-memory database). */
  jobs?: JobRunner;
  /** Check every 10 minutes (and at once) whether the dashboards' figures are behind; rebuild them as a job. */
  keepFiguresFresh?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: opts.config.logLevel } : false,
    // Off unless configured: a client could otherwise name any address for the login throttle.
    trustProxy: opts.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  installErrorHandler(app);
  installSecurity(app, opts.config, opts.db);

  await app.register(fastifyCookie);
  // JSON compresses about tenfold (a desa's first offline pull: 1.1 MB → ~0.1 MB); phones on slow networks
  // ask for gzip. Brotli is left out: compressing each response anew, it costs the server more CPU.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ["gzip", "deflate"],
    // Compress answers up to 512 KB (a dashboard is ~140 KB of JSON, ~3 ms to gzip) in one go rather than
    // through a stream (the default above 8 KB on two cores): each stream step waited for its own turn of
    // a busy event loop, so under the mixed load a dashboard took 2.6 times as long as a trivial read
    // (issue 18, bench:load: dashboard p50 670 -> 355 ms, 50 % more requests answered, same CPU).
    syncThreshold: 512 * 1024,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Tumbuh API",
        version: "0.1.0",
        description: "Stunting-reduction convergence for a regency.",
      },
    },
    transform: jsonSchemaTransform,
  });

  const jobs =
    opts.jobs ??
    new JobRunner({
      db: opts.db,
      handlers: JOB_HANDLERS,
      databaseUrl: opts.config.databaseUrl === ":memory:" ? null : opts.config.databaseUrl,
    });
  if (!opts.jobs) {
    await jobs.start();
    app.addHook("onClose", () => jobs.close());
  }
  const deps: AppDeps = {
    db: opts.db,
    config: opts.config,
    throttle: opts.throttle ?? new LoginThrottle(opts.db),
    jobs,
  };
  for (const feature of FEATURES) feature.routes?.(app, deps);
  if (opts.keepFiguresFresh) {
    const stop = keepFiguresFresh(opts.db, jobs, (error) => app.log.error(error, "indicator figures"));
    app.addHook("onClose", async () => stop());
  }
  registerSyncEntities();
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (opts.config.webDist && existsSync(join(opts.config.webDist, "index.html"))) {
    await serveWeb(app, opts.config.webDist);
  }
  return app;
}

/** The PWA: static files, with index.html for every non-API path (client-side routes). */
async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    setHeaders(res, path) {
      // The service worker and the shell must be revalidated, or a phone keeps an old app forever.
      if (/(sw\.js|workbox-[^/]*\.js|index\.html|manifest\.webmanifest)$/.test(path)) {
        res.setHeader("cache-control", "no-cache");
      } else if (path.includes(`${join(dist, "assets")}`)) {
        res.setHeader("cache-control", "public, max-age=31536000, immutable");
      }
    },
  });
  app.get("/*", { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split("?")[0] ?? "/";
    if (path.startsWith("/api/")) {
      return reply.status(404).send({ error: { code: "not_found", message: "Not found." } });
    }
    const file = path.slice(1);
    if (file && !file.includes("..") && existsSync(join(dist, file))) return reply.sendFile(file);
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html");
  });
}
