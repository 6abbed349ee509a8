// What a route is: a path pattern, its page, its layout, whether it needs a sign-in. Each feature lists its
// routes in pages/<feature>/routes.ts; router/table.ts puts the lists together. Pure types and helpers.
import { type ComponentType, lazy } from "react";
import type { FeatureMessages } from "../i18n/messages";

/**
 * A page as the table holds it. Deliberately not the page's own type: pages build their links with
 * pathFor, which is typed by the table, so a table typed by its pages would be a circular type.
 * The page is rendered with the route's params as props (`code`, `id`, query params…).
 */
// biome-ignore lint/suspicious/noExplicitAny: each page declares its own props; the route's params fill them
export type PageComponent = ComponentType<any>;

/** A query parameter: its name in the URL and how its text is read (absent or refused → null). */
export interface QueryParam {
  readonly key: string;
  readonly parse?: (value: string | null) => string | null;
}

export interface RouteDef {
  /** The name links use: pathFor("registry", { code }). */
  readonly name: string;
  /** "/wilayah/:code/sasaran": fixed segments and `:param` segments (one segment each, URL-decoded, not blank). */
  readonly path: string;
  /** A pattern a path param must match, else the path is not this route. */
  readonly patterns?: Readonly<Record<string, RegExp>>;
  /** Query params the page reads, by prop name: { period: { key: "periode" } }. */
  readonly query?: Readonly<Record<string, QueryParam>>;
  readonly page: PageComponent;
  /** "wide" for tables and dashboards; narrow (a phone column) otherwise. */
  readonly layout?: "wide" | "narrow";
  /** Shown without signing in (the public publication). */
  readonly public?: true;
  /** The feature dictionaries the page's words come from (beyond the app shell's), loaded before it renders. */
  readonly messages?: readonly FeatureMessages[];
}

const loaders = new WeakMap<PageComponent, () => Promise<unknown>>();

/** A code-split page: its chunk loads the first time the route is shown. */
export function lazyPage<M extends { default: unknown }>(load: () => Promise<M>): PageComponent {
  const page = lazy(load as unknown as () => Promise<{ default: PageComponent }>);
  loaders.set(page, load);
  return page;
}

/** Starts loading a code-split page's chunk (while its dictionaries load, not after). */
export function preloadPage(page: PageComponent): void {
  void loaders
    .get(page)?.()
    .catch(() => {
      // the page itself reports the failure when it renders
    });
}

/** A page of the app shell, in the entry chunk. */
export function eagerPage<C>(component: C): PageComponent {
  return component as unknown as PageComponent;
}

/** "/wilayah/:code/anak/:id" → "code" | "id" */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The params of a route: every path param, and each query param (null or left out = not in the URL). */
export type RouteParams<R extends RouteDef> = {
  readonly [K in PathParamNames<R["path"]>]: string;
} & (R extends {
  readonly query: infer Q;
}
  ? { readonly [K in keyof Q]?: string | null }
  : unknown);
