// Pure path <-> route mapping for the history-API router. No DOM here, so it is unit-tested in node.
import { type FamilyRoute, familyPathFor, isFamilyRoute, matchFamilyRoute } from "./family-routes";

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
  /** KPM convergence scorecard of a region: /wilayah/:code/scorecard */
  | { name: "scorecard"; code: string }
  /** Record a service given to a target: /layanan/:id */
  | { name: "recordService"; id: string }
  /** Planning cycle of a desa/kelurahan: /wilayah/:code/perencanaan */
  | { name: "planning"; code: string }
  /** Stage status and stunting budget of every village under a kecamatan/kabupaten: /wilayah/:code/rekap-perencanaan */
  | { name: "planningOverview"; code: string }
  /** TPPS, RDS, KPM and service providers of a region: /wilayah/:code/kelembagaan */
  | { name: "institutions"; code: string }
  /** e-PPGBM measurement import: /impor */
  | { name: "import" }
  /** Indicator catalog (Paser Pasal 6, Pasal 7, Lampiran) with targets: /indikator */
  | { name: "indicatorCatalog" }
  /** Indicator dashboard of a regency/kecamatan/desa: /wilayah/:code/indikator?periode=2025-06&opd=… */
  | { name: "indicators"; code: string; period: string | null; agency: string | null }
  /** The yearly public stunting publication, no login: /publikasi/:year */
  | { name: "publication"; year: number }
  /** Offline posyandu day (issue 5): /posyandu, /posyandu/:code, /posyandu/:code/anak/:id, /posyandu/:code/baru */
  | { name: "posyanduPick" }
  | { name: "posyanduDay"; code: string }
  | { name: "posyanduChild"; code: string; id: string }
  | { name: "posyanduNew"; code: string }
  /** A pregnancy (and the woman, if new) on the spot: /posyandu/:code/hamil */
  | { name: "posyanduPregnancy"; code: string }
  /** Sync status, refused ops and conflicts: /sinkron */
  | { name: "sync" }
  | FamilyRoute
  | { name: "notFound" };

/** Sub-pages of a region, by their Indonesian path segment. */
const REGION_SUBPAGES = {
  sasaran: "registry",
  daftar: "register",
  duplikat: "duplicates",
  scorecard: "scorecard",
  perencanaan: "planning",
  "rekap-perencanaan": "planningOverview",
  kelembagaan: "institutions",
} as const;
type RegionSubpage = (typeof REGION_SUBPAGES)[keyof typeof REGION_SUBPAGES];
const SEGMENT_OF: Record<RegionSubpage, string> = {
  registry: "sasaran",
  register: "daftar",
  duplicates: "duplikat",
  scorecard: "scorecard",
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
  const family = matchFamilyRoute(segments);
  if (family) return family;

  if (trimmed === "/" || trimmed === "" || trimmed === "/index.html") return { name: "home" };
  if (first === "login" && rest.length === 0) {
    return { name: "login", next: safeNext(new URLSearchParams(search).get("next")) };
  }
  if (first === "audit" && rest.length === 0) return { name: "audit" };
  if (first === "impor" && rest.length === 0) return { name: "import" };
  if (first === "indikator" && rest.length === 0) return { name: "indicatorCatalog" };
  if (first === "publikasi" && rest.length === 1 && /^\d{4}$/.test(rest[0] ?? "")) {
    return { name: "publication", year: Number(rest[0]) };
  }
  if (first === "wilayah" && rest.length === 2 && rest[1] === "indikator") {
    const code = decode(rest[0] ?? "");
    if (code === null || code.trim() === "") return { name: "notFound" };
    const q = new URLSearchParams(search);
    const period = q.get("periode");
    return {
      name: "indicators",
      code,
      period: period && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period) ? period : null,
      agency: q.get("opd") || null,
    };
  }
  if (first === "wilayah" && (rest.length === 1 || rest.length === 2)) {
    const code = decode(rest[0] ?? "");
    if (code === null || code.trim() === "") return { name: "notFound" };
    if (rest.length === 1) return { name: "region", code };
    const sub = rest[1] ?? "";
    if (Object.hasOwn(REGION_SUBPAGES, sub)) {
      return { name: REGION_SUBPAGES[sub as keyof typeof REGION_SUBPAGES], code };
    }
  }
  if (first === "sinkron" && rest.length === 0) return { name: "sync" };
  if (first === "posyandu") {
    if (rest.length === 0) return { name: "posyanduPick" };
    const code = decode(rest[0] ?? "");
    if (code !== null && code.trim() !== "") {
      if (rest.length === 1) return { name: "posyanduDay", code };
      if (rest.length === 2 && rest[1] === "baru") return { name: "posyanduNew", code };
      if (rest.length === 2 && rest[1] === "hamil") return { name: "posyanduPregnancy", code };
      const id = decode(rest[2] ?? "");
      if (rest.length === 3 && rest[1] === "anak" && id) return { name: "posyanduChild", code, id };
    }
  }
  if (first === "layanan" && rest.length === 1) {
    const id = decode(rest[0] ?? "");
    if (id !== null && id.trim() !== "") return { name: "recordService", id };
  }
  if (first === "anak" && rest.length === 1) {
    const id = decode(rest[0] ?? "");
    if (id !== null && id.trim() !== "") return { name: "person", id };
  }
  return { name: "notFound" };
}

/** Builds the path of a route; the inverse of matchRoute for every route but notFound. */
export function pathFor(route: Exclude<Route, { name: "notFound" }>): string {
  if (isFamilyRoute(route)) return familyPathFor(route);
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
    case "scorecard":
    case "planning":
    case "planningOverview":
    case "institutions":
      return `/wilayah/${encodeURIComponent(route.code)}/${SEGMENT_OF[route.name]}`;
    case "person":
      return `/anak/${encodeURIComponent(route.id)}`;
    case "recordService":
      return `/layanan/${encodeURIComponent(route.id)}`;
    case "import":
      return "/impor";
    case "indicatorCatalog":
      return "/indikator";
    case "indicators": {
      const q = new URLSearchParams();
      if (route.period) q.set("periode", route.period);
      if (route.agency) q.set("opd", route.agency);
      const qs = q.toString();
      return `/wilayah/${encodeURIComponent(route.code)}/indikator${qs ? `?${qs}` : ""}`;
    }
    case "publication":
      return `/publikasi/${route.year}`;
    case "posyanduPick":
      return "/posyandu";
    case "posyanduDay":
      return `/posyandu/${encodeURIComponent(route.code)}`;
    case "posyanduChild":
      return `/posyandu/${encodeURIComponent(route.code)}/anak/${encodeURIComponent(route.id)}`;
    case "posyanduNew":
      return `/posyandu/${encodeURIComponent(route.code)}/baru`;
    case "posyanduPregnancy":
      return `/posyandu/${encodeURIComponent(route.code)}/hamil`;
    case "sync":
      return "/sinkron";
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
export const scorecardPath = (code: string) => pathFor({ name: "scorecard", code });
export const recordServicePath = (id: string) => pathFor({ name: "recordService", id });
export const IMPORT_PATH = "/impor";
export const INDICATORS_PATH = "/indikator";
export const indicatorsPath = (code: string, period: string | null = null, agency: string | null = null) =>
  pathFor({ name: "indicators", code, period, agency });
export const publicationPath = (year: number) => pathFor({ name: "publication", year });
export const loginPath = (next: string) => pathFor({ name: "login", next: safeNext(next) });
export const posyanduDayPath = (code: string) => pathFor({ name: "posyanduDay", code });
export const posyanduChildPath = (code: string, id: string) => pathFor({ name: "posyanduChild", code, id });
export const posyanduNewPath = (code: string) => pathFor({ name: "posyanduNew", code });
export const POSYANDU_PATH = "/posyandu";
export const SYNC_PATH = "/sinkron";
export const posyanduPregnancyPath = (code: string) => pathFor({ name: "posyanduPregnancy", code });
