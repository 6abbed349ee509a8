// The user administration page's decisions, kept pure so they are unit-tested: which region the list
// opens on, what a new user's form lacks, and which Indonesian message a refused request shows.
import { levelOfCode, type Role, USERNAME_PATTERN } from "@tumbuh/core";
import { isApiError } from "../../api/client";
import { generalErrorKey } from "../../api/errorMessages";
import type { MessageKey } from "../../i18n/messages";
import type { FieldErrors } from "../../kit/forms/fieldErrors";

/** One role in one region, as the forms hold it (the region code as typed). */
export interface AssignmentDraft {
  role: Role | "";
  scope: string;
}

/** The region the list opens on: the first regency the signed-in user administers (null: none). */
export function adminRegion(assignments: readonly { role: Role; scope: string }[]): string | null {
  return assignments.find((a) => a.role === "admin_kabupaten")?.scope ?? null;
}

/** The usernames the server takes: lowercase, so the form lowers what was typed before checking. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

/** Field messages for roles and regions, keyed `role.<i>` / `scope.<i>` (empty when all are fine). */
export function validateAssignments(assignments: readonly AssignmentDraft[]): FieldErrors {
  const errors: FieldErrors = {};
  assignments.forEach((a, i) => {
    if (a.role === "") errors[`role.${i}`] = { key: "v.choose" };
    const scope = a.scope.trim();
    if (scope === "") errors[`scope.${i}`] = { key: "v.required" };
    else if (levelOfCode(scope) === null) errors[`scope.${i}`] = { key: "users.v.region" };
  });
  return errors;
}

/** What the "Tambah pengguna" form lacks before it is sent (the server checks again). */
export function validateNewUser(form: {
  username: string;
  displayName: string;
  role: Role | "";
  scope: string;
}): FieldErrors {
  const errors: FieldErrors = {};
  const username = normalizeUsername(form.username);
  if (username === "") errors.username = { key: "v.required" };
  else if (!USERNAME_PATTERN.test(username)) errors.username = { key: "users.v.username" };
  if (form.displayName.trim() === "") errors.displayName = { key: "v.required" };
  else if (form.displayName.trim().length > 120)
    errors.displayName = { key: "v.tooLong", vars: { max: 120 } };
  return { ...errors, ...validateAssignments([{ role: form.role, scope: form.scope }]) };
}

export interface UserFailure {
  message: MessageKey;
  fields: FieldErrors;
}

/**
 * A refused user request → the message above the button and next to the field. The server names the
 * field (`username`, `assignments.0.scope`, `active`, `assignments`); its English text never shows.
 */
export function userFailure(error: unknown): UserFailure {
  if (!isApiError(error)) return { message: "error.unknown", fields: {} };
  if (error.code === "network") return { message: "users.offline", fields: {} };
  const field = error.field ?? "";
  if (error.status === 409 && field === "username") {
    return { message: "users.fixErrors", fields: { username: { key: "users.v.usernameTaken" } } };
  }
  if (error.status === 403) return { message: "users.outOfScope", fields: {} };
  if (error.status === 404) return { message: "users.gone", fields: {} };
  if (error.status === 400 || error.status === 422) {
    if (field === "active") return { message: "users.selfDeactivate", fields: {} };
    if (field === "assignments") return { message: "users.selfAdmin", fields: {} };
    if (field === "username") {
      return { message: "users.fixErrors", fields: { username: { key: "users.v.username" } } };
    }
    const slot = /^assignments\.(\d+)\.(role|scope)$/.exec(field);
    if (slot) {
      const key: MessageKey = slot[2] === "role" ? "v.choose" : "users.v.regionUnknown";
      return { message: "users.fixErrors", fields: { [`${slot[2]}.${slot[1]}`]: { key } } };
    }
    if (field === "displayName") {
      return { message: "users.fixErrors", fields: { displayName: { key: "v.invalid" } } };
    }
  }
  return { message: generalErrorKey(error), fields: {} };
}
