import { isWithin } from "./regions";
import { ROLE_POWERS, type Role, type RolePowers } from "./roles";

export interface Assignment {
  role: Role;
  /** Region code prefix: the assignment covers this region and everything below it. */
  scope: string;
}

/**
 * Who is asking. Every repository query takes one, so data outside the caller's scope cannot be read
 * even when a route forgets a check (ARCHITECTURE: scope enforced below the HTTP layer).
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  assignments: Assignment[];
}

/** The system itself (migrations, demo seeding, CLI administration run by the operator). */
export const SYSTEM_ACTOR: Actor = {
  userId: "system",
  username: "system",
  displayName: "Sistem",
  assignments: [{ role: "admin_kabupaten", scope: "" }],
};

/** Region prefixes the actor may read. The empty prefix means the whole deployment. */
export function readScopes(actor: Actor): string[] {
  return minimalPrefixes(actor.assignments.map((a) => a.scope));
}

/** Region prefixes in which the actor has a given power. */
export function scopesWithPower(actor: Actor, power: keyof RolePowers): string[] {
  return minimalPrefixes(actor.assignments.filter((a) => ROLE_POWERS[a.role][power]).map((a) => a.scope));
}

export function canRead(actor: Actor, code: string): boolean {
  return readScopes(actor).some((s) => s === "" || isWithin(code, s));
}

export function hasPowerAt(actor: Actor, power: keyof RolePowers, code: string): boolean {
  return scopesWithPower(actor, power).some((s) => s === "" || isWithin(code, s));
}

/** Drop prefixes already covered by a shorter one, so queries carry as few conditions as possible. */
function minimalPrefixes(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) {
    if (!kept.some((k) => k === "" || isWithin(p, k))) kept.push(p);
  }
  return kept;
}
