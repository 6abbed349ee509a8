import { isWithin } from "../regions";
import type { Actor } from "../scope";

/** The kabupaten/kota code (two segments, "64.01") of a region code, or null above that level. */
export function regencyOfCode(code: string): string | null {
  const parts = code.split(".");
  return parts.length >= 2 ? parts.slice(0, 2).join(".") : null;
}

/**
 * Which regency's catalog a request is about: the one asked for, else the one the actor's assignments lie
 * in. Null when that cannot be told (a provincial or deployment-wide actor who asked for none, or one whose
 * assignments span several regencies) — the caller then asks for the regency explicitly.
 */
export function catalogRegencyFor(actor: Actor, requested?: string): string | null {
  if (requested !== undefined) return requested;
  const regencies = new Set(actor.assignments.map((a) => regencyOfCode(a.scope)));
  if (regencies.size !== 1) return null;
  return [...regencies][0] ?? null;
}

/**
 * The catalog is the regency's, so anyone assigned inside the regency reads it (a kader in a posyandu
 * sees the targets of Paser Pasal 7 too), as does anyone whose scope contains the regency.
 */
export function mayReadCatalog(actor: Actor, regency: string): boolean {
  return actor.assignments.some(
    (a) => a.scope === "" || isWithin(regency, a.scope) || isWithin(a.scope, regency),
  );
}

/** Importing a catalog or editing a target: the regency's administrator (issue 7), or one above it. */
export function mayEditCatalog(actor: Actor, regency: string): boolean {
  return actor.assignments.some(
    (a) => a.role === "admin_kabupaten" && (a.scope === "" || isWithin(regency, a.scope)),
  );
}
