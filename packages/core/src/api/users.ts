import { z } from "zod";
import { ROLES } from "../roles";
import { AssignmentViewSchema } from "./auth";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";

/**
 * User administration (issue 17, Admin Kabupaten): who works in Tumbuh, in which role and region, whether
 * the account is active and when it last signed in. Only holders of the `manageUsers` power (roles.ts) see
 * and change users, and only users whose every assignment lies inside their own scope.
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export const UserAssignmentInput = z.strictObject({
  role: z.enum(ROLES),
  scope: z.string().min(2).max(40),
});

export const UserViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  assignments: z.array(AssignmentViewSchema),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof UserViewSchema>;

/** A password made by the server, shown once to the admin who hands it over (never stored in clear). */
export const OneTimePassword = z.object({ user: UserViewSchema, password: z.string() });

export const usersApi = {
  list: endpoint({
    method: "GET",
    path: "/api/users",
    tag: "users",
    query: z.strictObject({
      /** Only users with an assignment inside this region. */
      region: z.string().min(2).max(40).optional(),
      /** Part of the username or the name, case-insensitive. */
      q: z.string().max(100).optional(),
      status: z.enum(["active", "disabled", "all"]).default("all"),
    }),
    response: z.object({ users: z.array(UserViewSchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/users",
    tag: "users",
    status: 201,
    body: z.strictObject({
      username: z.string().regex(USERNAME_PATTERN),
      displayName: z.string().trim().min(1).max(120),
      assignments: z.array(UserAssignmentInput).min(1).max(10),
    }),
    response: OneTimePassword,
  }),
  view: endpoint({
    method: "GET",
    path: "/api/users/:id",
    tag: "users",
    params: IdParams,
    response: UserViewSchema,
  }),
  setAssignments: endpoint({
    method: "PUT",
    path: "/api/users/:id/assignments",
    tag: "users",
    params: IdParams,
    body: z.strictObject({ assignments: z.array(UserAssignmentInput).min(1).max(10) }),
    response: UserViewSchema,
  }),
  resetPassword: endpoint({
    method: "POST",
    path: "/api/users/:id/password-reset",
    tag: "users",
    params: IdParams,
    response: OneTimePassword,
  }),
  setActive: endpoint({
    method: "POST",
    path: "/api/users/:id/active",
    tag: "users",
    params: IdParams,
    body: z.strictObject({ active: z.boolean() }),
    response: UserViewSchema,
  }),
};
