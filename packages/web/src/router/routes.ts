// Path <-> route for the history-API router, from the one route table (table.ts). No DOM here, so it is
// unit-tested in node.
import type { RouteDef, RouteParams } from "./route";
import { DEFAULT_AFTER_LOGIN, safeNext } from "./safe-next";
import type { ROUTES } from "./table";

export { DEFAULT_AFTER_LOGIN, safeNext };

type AnyRoute = (typeof ROUTES)[number];
export type RouteName = AnyRoute["name"];
export type ParamsOf<N extends RouteName> = RouteParams<Extract<AnyRoute, { name: N }>>;

/** A location read against the table: the route's name (or notFound) and its params. */
export interface Match {
  readonly name: RouteName | "notFound";
  readonly params: Readonly<Record<string, string | null>>;
}

const NOT_FOUND: Match = { name: "notFound", params: {} };

type Segment = { literal: string } | { param: string };

interface Compiled {
  route: RouteDef;
  segments: Segment[];
}

function compile(route: RouteDef): Compiled {
  const segments = route.path
    .split("/")
    .slice(1)
    .map((s): Segment => (s.startsWith(":") ? { param: s.slice(1) } : { literal: s }));
  return { route, segments };
}

// The table installs itself here when table.ts loads (the app imports it first). This module only knows
// the table's type: the shell's pages import this module for their links and the table imports those
// pages, so importing the table from here would make a module cycle.
let compiled: { list: readonly Compiled[]; byName: ReadonlyMap<string, Compiled> } | undefined;
export function installRoutes(routes: readonly RouteDef[]): void {
  const list = routes.map(compile);
  compiled = { list, byName: new Map(list.map((c) => [c.route.name, c])) };
}
function table() {
  if (!compiled) throw new Error("route table not loaded: import router/table first");
  return compiled;
}

/** The table's entry of a route name; undefined for notFound. */
export function routeNamed(name: string): RouteDef | undefined {
  return table().byName.get(name)?.route;
}

/** A path segment as its decoded value; null when malformed or blank (then the path is not found). */
function decode(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment);
    return value.trim() === "" ? null : value;
  } catch {
    return null;
  }
}

function matchSegments(c: Compiled, parts: readonly string[]): Record<string, string> | null {
  if (parts.length !== c.segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of c.segments.entries()) {
    const part = parts[i] ?? "";
    if ("literal" in segment) {
      if (part !== segment.literal) return null;
      continue;
    }
    const value = decode(part);
    if (value === null) return null;
    const pattern = c.route.patterns?.[segment.param];
    if (pattern && !pattern.test(value)) return null;
    params[segment.param] = value;
  }
  return params;
}

/** Matches a location (pathname and optional search string) to a route of the table. */
export function matchRoute(pathname: string, search = ""): Match {
  let trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (trimmed === "" || trimmed === "/index.html") trimmed = "/";
  const parts = trimmed.split("/").slice(1);
  for (const c of table().list) {
    const pathParams = matchSegments(c, parts);
    if (!pathParams) continue;
    const params: Record<string, string | null> = pathParams;
    if (c.route.query) {
      const q = new URLSearchParams(search);
      for (const [name, { key, parse }] of Object.entries(c.route.query)) {
        const raw = q.get(key);
        params[name] = parse ? parse(raw) : raw || null;
      }
    }
    return { name: c.route.name as RouteName, params };
  }
  return NOT_FOUND;
}

/** The path of a route with its params; the inverse of matchRoute. Query params left out or null are omitted. */
export function pathFor<N extends RouteName>(
  name: N,
  ...[params]: object extends ParamsOf<N> ? [params?: ParamsOf<N>] : [params: ParamsOf<N>]
): string {
  const c = table().byName.get(name);
  if (!c) throw new Error(`No route named ${name}`);
  const values = (params ?? {}) as Record<string, string | null | undefined>;
  const path = `/${c.segments
    .map((s) => ("literal" in s ? s.literal : encodeURIComponent(values[s.param] ?? "")))
    .join("/")}`;
  const q = new URLSearchParams();
  for (const [prop, { key }] of Object.entries(c.route.query ?? {})) {
    const value = values[prop];
    if (value) q.set(key, value);
  }
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The login page, coming back to `next` afterwards (when it is a safe destination other than home). */
export function loginPath(next: string): string {
  const safe = safeNext(next);
  return pathFor("login", safe === DEFAULT_AFTER_LOGIN ? {} : { next: safe });
}

// Shortcuts for the links pages build most.
export const regionPath = (code: string): string => pathFor("region", { code });
export const registryPath = (code: string): string => pathFor("registry", { code });
export const registerPath = (code: string): string => pathFor("register", { code });
export const duplicatesPath = (code: string): string => pathFor("duplicates", { code });
export const planningPath = (code: string): string => pathFor("planning", { code });
export const planningOverviewPath = (code: string): string => pathFor("planningOverview", { code });
export const institutionsPath = (code: string): string => pathFor("institutions", { code });
export const personPath = (id: string): string => pathFor("person", { id });
export const pregnantWomenPath = (code: string): string => pathFor("pregnantWomen", { code });
export const scorecardPath = (code: string): string => pathFor("scorecard", { code });
export const skdnPath = (code: string): string => pathFor("skdn", { code });
export const tikaPath = (code: string): string => pathFor("tika", { code });
export const tikaChildPath = (id: string): string => pathFor("tikaChild", { id });
export const recordServicePath = (id: string): string => pathFor("recordService", { id });
export const indicatorsPath = (
  code: string,
  period: string | null = null,
  agency: string | null = null,
): string => pathFor("indicators", { code, period, agency });
export const publicationPath = (year: number): string => pathFor("publication", { year: String(year) });
export const posyanduDayPath = (code: string): string => pathFor("posyanduDay", { code });
export const posyanduChildPath = (code: string, id: string): string => pathFor("posyanduChild", { code, id });
export const posyanduNewPath = (code: string): string => pathFor("posyanduNew", { code });
export const posyanduPregnancyPath = (code: string): string => pathFor("posyanduPregnancy", { code });
export const IMPORT_PATH = "/impor";
export const INDICATORS_PATH = "/indikator";
export const POSYANDU_PATH = "/posyandu";
export const SYNC_PATH = "/sinkron";
