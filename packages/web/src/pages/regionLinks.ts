// Which registry entry points a region page shows, for whom. Pure; kept out of @tumbuh/core's runtime
// so the app shell does not load zod (regionLinks.test.ts checks it against core's ROLE_POWERS).
import type { Assignment, Level, Role } from "../api/types";

/** Roles that may write (every role but the read-only viewer; core ROLE_POWERS[role].write). */
export function canWrite(role: Role): boolean {
  return role !== "viewer";
}

function covers(scope: string, code: string): boolean {
  return scope === "" || code === scope || code.startsWith(`${scope}.`);
}

/** Levels whose registry lists and registration forms exist: a desa and the dusun/posyandu below it. */
const REGISTRY_LEVELS: readonly Level[] = ["desa", "dusun", "posyandu"];
/** Levels from which e-PPGBM files are imported (Dinkes, puskesmas/kecamatan, desa). */
const IMPORT_LEVELS: readonly Level[] = ["kabupaten", "kecamatan", "desa"];

export interface RegistryLinks {
  lists: boolean;
  register: boolean;
  duplicates: boolean;
  import: boolean;
}

export function registryLinks(
  region: { code: string; level: Level },
  assignments: readonly Pick<Assignment, "role" | "scope" | "scopeLevel">[],
): RegistryLinks {
  const registryLevel = REGISTRY_LEVELS.includes(region.level);
  const writer = assignments.some((a) => canWrite(a.role) && covers(a.scope, region.code));
  const importer = assignments.some(
    (a) =>
      canWrite(a.role) &&
      a.scopeLevel !== null &&
      IMPORT_LEVELS.includes(a.scopeLevel) &&
      covers(a.scope, region.code),
  );
  return {
    lists: registryLevel,
    register: registryLevel && writer,
    duplicates: registryLevel && writer,
    import: IMPORT_LEVELS.includes(region.level) && importer,
  };
}

/** May any of these assignments write at `code` (a role with write power whose scope covers it)? */
export function canWriteIn(
  assignments: readonly Pick<Assignment, "role" | "scope">[],
  code: string,
): boolean {
  return assignments.some((a) => canWrite(a.role) && covers(a.scope, code));
}
