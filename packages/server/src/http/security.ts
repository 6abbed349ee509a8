import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../config";
import type { Database } from "../db/schema";
import { AppError } from "../errors";
import { appendAudit } from "../features/audit/service";

/**
 * The PWA's Content-Security-Policy: everything from this origin only. Styles allow inline because React
 * and the chart code set `style` attributes; no inline script is needed (Vite emits module files and the
 * service-worker registration is a file too). `frame-ancestors 'none'`: no other site may frame the app.
 */
export const HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A state-changing request sent by a browser from another site carries that site's Origin. It is refused
 * unless the Origin is this server's own host or one configured in TUMBUH_ALLOWED_ORIGINS. Requests with no
 * Origin (the CLI, scripts, tests) pass: browsers send Origin on every cross-site POST, and the session
 * cookie is SameSite=Strict besides.
 */
export function originAllowed(req: FastifyRequest, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || !STATE_CHANGING.has(req.method)) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
}

/** Response headers and the origin check, for every route (registered before the features' routes). */
export function installSecurity(app: FastifyInstance, config: Config, db: Kysely<Database>): void {
  // Every refusal of a signed-in user is audited in their region, so its admin sees who tried what.
  app.addHook("onError", async (req, _reply, error) => {
    if (!(error instanceof AppError) || error.status !== 403 || !req.actor) return;
    await appendAudit(db, req.actor, {
      action: "request.refused",
      entity: "request",
      entityId: null,
      regionCode: req.actor.assignments[0]?.scope ?? null,
      after: { method: req.method, path: req.url.split("?")[0], code: error.code },
    });
  });

  app.addHook("onRequest", async (req) => {
    if (!originAllowed(req, config.allowedOrigins)) {
      throw new AppError(403, "origin_refused", "Request refused: it did not come from this application.");
    }
  });

  app.addHook("onSend", async (req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    if (config.cookieSecure) reply.header("strict-transport-security", "max-age=31536000");
    const type = String(reply.getHeader("content-type") ?? "");
    reply.header(
      "content-security-policy",
      type.startsWith("text/html") ? HTML_CSP : "frame-ancestors 'none'",
    );
    // Anything behind a login may hold personal data: no browser or proxy cache keeps it.
    if (req.url.startsWith("/api/") && !req.routeOptions.config?.public) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}
