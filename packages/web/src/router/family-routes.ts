// Routes of families at risk, catin, TPK and case audits (issue 8), kept beside the main table so it
// only needs a few added lines. Pure: no DOM.

export type FamilyRoute =
  /** Families at risk in a region: /wilayah/:code/keluarga */
  | { name: "families"; code: string }
  /** Catin register of a region: /wilayah/:code/catin */
  | { name: "catinList"; code: string }
  /** Family support teams of a region: /wilayah/:code/tpk */
  | { name: "tpkList"; code: string }
  /** Stunting case audits of a region: /wilayah/:code/audit-kasus */
  | { name: "auditCases"; code: string }
  /** One family (a household): /keluarga/:id */
  | { name: "family"; id: string }
  | { name: "catin"; id: string }
  | { name: "tpkTeam"; id: string }
  | { name: "caseAudit"; id: string };

const REGION_SEGMENTS = {
  keluarga: "families",
  catin: "catinList",
  tpk: "tpkList",
  "audit-kasus": "auditCases",
} as const;
const ONE_SEGMENTS = {
  keluarga: "family",
  catin: "catin",
  tpk: "tpkTeam",
  "audit-kasus": "caseAudit",
} as const;

function decode(segment: string): string | null {
  try {
    const s = decodeURIComponent(segment);
    return s.trim() === "" ? null : s;
  } catch {
    return null;
  }
}

/** Matches path segments (without the leading empty one) or returns null when not one of these routes. */
export function matchFamilyRoute(segments: readonly string[]): FamilyRoute | null {
  const [first = "", second = "", third, ...more] = segments;
  if (more.length > 0) return null;
  if (first === "wilayah" && third !== undefined && Object.hasOwn(REGION_SEGMENTS, third)) {
    const code = decode(second);
    return code === null ? null : { name: REGION_SEGMENTS[third as keyof typeof REGION_SEGMENTS], code };
  }
  if (third === undefined && Object.hasOwn(ONE_SEGMENTS, first) && second !== "") {
    const id = decode(second);
    return id === null ? null : { name: ONE_SEGMENTS[first as keyof typeof ONE_SEGMENTS], id };
  }
  return null;
}

export function familyPathFor(route: FamilyRoute): string {
  switch (route.name) {
    case "families":
      return `/wilayah/${encodeURIComponent(route.code)}/keluarga`;
    case "catinList":
      return `/wilayah/${encodeURIComponent(route.code)}/catin`;
    case "tpkList":
      return `/wilayah/${encodeURIComponent(route.code)}/tpk`;
    case "auditCases":
      return `/wilayah/${encodeURIComponent(route.code)}/audit-kasus`;
    case "family":
      return `/keluarga/${encodeURIComponent(route.id)}`;
    case "catin":
      return `/catin/${encodeURIComponent(route.id)}`;
    case "tpkTeam":
      return `/tpk/${encodeURIComponent(route.id)}`;
    case "caseAudit":
      return `/audit-kasus/${encodeURIComponent(route.id)}`;
  }
}

export const FAMILY_ROUTE_NAMES = [
  "families",
  "catinList",
  "tpkList",
  "auditCases",
  "family",
  "catin",
  "tpkTeam",
  "caseAudit",
] as const satisfies readonly FamilyRoute["name"][];

export function isFamilyRoute(route: { name: string }): route is FamilyRoute {
  return (FAMILY_ROUTE_NAMES as readonly string[]).includes(route.name);
}
