// Pure path <-> route mapping for the history-API router. No DOM here, so it is unit-tested in node.

export type Route =
  | { name: "home" }
  | { name: "login"; next: string }
  | { name: "region"; code: string }
  | { name: "audit" }
  /** Registry lists of a desa/dusun/posyandu: /wilayah/:code/sasaran */
  | { name: "registry"; code: string }
  /** Register a household, person or pregnancy: /wilayah/:code/daftar */
  | { name: "register"; code: string }
  /** Possible duplicate persons: /wilayah/:code/duplikat */
  | { name: "duplicates"; code: string }
  /** One person (child or adult): /anak/:id */
  | { name: "person"; id: string }
  /** Planning cycle of a desa/kelurahan: /wilayah/:code/perencanaan */
  | { name: "planning"; code: string }
  /** Stage status and stunting budget of every village under a kecamatan/kabupaten: /wilayah/:code/rekap-perencanaan */
  | { name: "planningOverview"; code: string }
  /** TPPS, RDS, KPM and service providers of a region: /wilayah/:code/kelembagaan */
  | { name: "institutions"; code: string }
  /** e-PPGBM measurement import: /impor */
  | { name: "import" }
  | { name: "notFound" };

/** Sub-pages of a region, by their Indonesian path segment. */
const REGION_SUBPAGES = {
  sasaran: "registry",
  daftar: "register",
  duplikat: "duplicates",
  perencanaan: "planning",
  "rekap-perencanaan": "planningOverview",
  kelembagaan: "institutions",
} as const;
type RegionSubpage = (typeof REGION_SUBPAGES)[keyof typeof REGION_SUBPAGES];
const SEGMENT_OF: Record<RegionSubpage, string> = {
  registry: "sasaran",
  register: "daftar",
  duplicates: "duplikat",
  planning: "perencanaan",
  planningOverview: "rekap-perencanaan",
  institutions: "kelembagaan",
};

/** Where to go after login when no (safe) destination was given. */
export const DEFAULT_AFTER_LOGIN = "/";

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Only same-origin absolute paths are allowed as a post-login destination (no "//evil.example",
 * no "https://…", no backslash tricks), and never the login page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return DEFAULT_AFTER_LOGIN;
  }
  // reject control characters (a raw newline or tab in a URL is never legitimate here)
  for (let i = 0; i < next.length; i++) if (next.charCodeAt(i) < 0x20) return DEFAULT_AFTER_LOGIN;
  const path = next.split(/[?#]/, 1)[0] ?? "";
  if (path === "/login" || path === "/login/") return DEFAULT_AFTER_LOGIN;
  return next;
}

/** Matches a location (pathname and optional search string) to a route. */
export function matchRoute(pathname: string, search = ""): Route {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const segments = trimmed.split("/").slice(1);
  const [first, ...rest] = segments;

  if (trimmed === "/" || trimmed === "" || trimmed === "/index.html") return { name: "home" };
  if (first === "login" && rest.length === 0) {
    return { name: "login", next: safeNext(new URLSearchParams(search).get("next")) };
  }
  if (first === "audit" && rest.length === 0) return { name: "audit" };
  if (first === "impor" && rest.length === 0) return { name: "import" };
  if (first === "wilayah" && (rest.length === 1 || rest.length === 2)) {
    const code = decode(rest[0] ?? "");
    if (code === null || code.trim() === "") return { name: "notFound" };
    if (rest.length === 1) return { name: "region", code };
    const sub = rest[1] ?? "";
    if (Object.hasOwn(REGION_SUBPAGES, sub)) {
      return { name: REGION_SUBPAGES[sub as keyof typeof REGION_SUBPAGES], code };
    }
  }
  if (first === "anak" && rest.length === 1) {
    const id = decode(rest[0] ?? "");
    if (id !== null && id.trim() !== "") return { name: "person", id };
  }
  return { name: "notFound" };
}

/** Builds the path of a route; the inverse of matchRoute for every route but notFound. */
export function pathFor(route: Exclude<Route, { name: "notFound" }>): string {
  switch (route.name) {
    case "home":
      return "/";
    case "login":
      return route.next === DEFAULT_AFTER_LOGIN
        ? "/login"
        : `/login?${new URLSearchParams({ next: route.next })}`;
    case "region":
      return `/wilayah/${encodeURIComponent(route.code)}`;
    case "audit":
      return "/audit";
    case "registry":
    case "register":
    case "duplicates":
    case "planning":
    case "planningOverview":
    case "institutions":
      return `/wilayah/${encodeURIComponent(route.code)}/${SEGMENT_OF[route.name]}`;
    case "person":
      return `/anak/${encodeURIComponent(route.id)}`;
    case "import":
      return "/impor";
  }
}

export const regionPath = (code: string) => pathFor({ name: "region", code });
export const registryPath = (code: string) => pathFor({ name: "registry", code });
export const registerPath = (code: string) => pathFor({ name: "register", code });
export const duplicatesPath = (code: string) => pathFor({ name: "duplicates", code });
export const planningPath = (code: string) => pathFor({ name: "planning", code });
export const planningOverviewPath = (code: string) => pathFor({ name: "planningOverview", code });
export const institutionsPath = (code: string) => pathFor({ name: "institutions", code });
export const personPath = (id: string) => pathFor({ name: "person", id });
export const IMPORT_PATH = "/impor";
export const loginPath = (next: string) => pathFor({ name: "login", next: safeNext(next) });
