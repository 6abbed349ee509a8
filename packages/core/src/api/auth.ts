import { z } from "zod";
import { LEVELS } from "../regions";
import { ROLES } from "../roles";
import { NoContent } from "./common";
import { endpoint } from "./endpoint";

/** A role a user holds in a region, as the signed-in user and the user administration see it. */
export const AssignmentViewSchema = z.object({
  role: z.enum(ROLES),
  /** Region code the role applies to (a prefix of every region the user may see). */
  scope: z.string(),
  scopeName: z.string(),
  scopeLevel: z.enum(LEVELS).nullable(),
});

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  assignments: z.array(AssignmentViewSchema),
});
export type Me = z.infer<typeof MeSchema>;
export type MeAssignment = Me["assignments"][number];

export const authApi = {
  login: endpoint({
    method: "POST",
    path: "/api/auth/login",
    tag: "auth",
    public: true,
    body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
    response: z.object({ user: MeSchema }),
  }),
  logout: endpoint({
    method: "POST",
    path: "/api/auth/logout",
    tag: "auth",
    status: 204,
    response: NoContent,
  }),
  me: endpoint({ method: "GET", path: "/api/me", tag: "auth", response: MeSchema }),
  changePassword: endpoint({
    method: "POST",
    path: "/api/auth/password",
    tag: "auth",
    status: 204,
    body: z.strictObject({
      currentPassword: z.string().min(1).max(200),
      newPassword: z.string().min(1).max(200),
    }),
    response: NoContent,
  }),
};
