import { type Actor, authApi, levelOfCode, type Me } from "@tumbuh/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { errors } from "../../errors";
import { type AppDeps, actorOf, SESSION_COOKIE } from "../../http/context";
import { mount } from "../../http/route";
import { findRegionsByCode } from "../regions/service";
import { actorForAccessToken, recordTokenUse } from "../tokens/service";
import { actorForToken, changePassword, login, logout, SESSION_DAYS } from "./service";

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config, throttle } = deps;

  // Every /api request resolves its session here, before any route code runs.
  app.addHook("onRequest", async (req) => {
    req.actor = null;
    req.sessionToken = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await actorForToken(db, token);
      if (req.actor) req.sessionToken = token;
    }
    // A machine: `Authorization: Bearer <personal access token>` (features/tokens). Read-only tokens
    // may only read; every use is audited before the route runs.
    const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!req.actor && bearer && req.url.startsWith("/api/")) {
      const t = await actorForAccessToken(db, bearer);
      if (t) {
        if (t.readOnly && req.method !== "GET" && req.method !== "HEAD") throw errors.forbidden();
        // Sessions and passwords belong to people.
        if (req.url.startsWith("/api/auth/")) throw errors.forbidden();
        await recordTokenUse(db, t, { method: req.method, path: req.url.split("?")[0] ?? req.url });
        req.actor = t.actor;
      }
    }
    // Before the body is parsed or validated: an anonymous caller learns nothing about the route.
    if (!req.routeOptions.config?.public && req.url.startsWith("/api/") && !req.actor) actorOf(req);
  });

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: config.cookieSecure,
      path: "/",
      maxAge: SESSION_DAYS * 86_400,
    });

  const me = async (actor: Actor): Promise<Me> => {
    const regions = await findRegionsByCode(
      db,
      actor.assignments.map((a) => a.scope),
    );
    const byCode = new Map(regions.map((r) => [r.code, r]));
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      assignments: actor.assignments.map((a) => ({
        role: a.role,
        scope: a.scope,
        scopeName: byCode.get(a.scope)?.name ?? a.scope,
        scopeLevel: levelOfCode(a.scope),
      })),
    };
  };

  mount(app, authApi.login, async ({ body }, req, reply) => {
    const { token, actor } = await login(db, throttle, { ...body, clientIp: req.ip });
    setCookie(reply, token);
    return { user: await me(actor) };
  });

  mount(app, authApi.logout, async (_input, req, reply) => {
    await logout(db, actorOf(req), req.sessionToken ?? "");
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return null;
  });

  mount(app, authApi.me, async (_input, req) => me(actorOf(req)));

  mount(app, authApi.changePassword, async ({ body }, req) => {
    await changePassword(db, throttle, actorOf(req), req.sessionToken ?? "", body);
    return null;
  });
}
