import { z } from "zod";
import { ROLES } from "../roles";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";

/**
 * Personal access tokens for machines (issue 16: scripts, a provincial dashboard, aggregators). An admin
 * with the `manageUsers` power creates one for a role and a region inside their own scope, read-only or
 * write, with an expiry date; the token is shown once and stored as a hash; it is revoked, not deleted.
 * A machine sends `Authorization: Bearer <token>`; every request it makes is audited.
 */
const MACHINE_ROLES = ROLES.filter((r) => r !== "admin_kabupaten") as [
  Exclude<(typeof ROLES)[number], "admin_kabupaten">,
  ...Exclude<(typeof ROLES)[number], "admin_kabupaten">[],
];

export const AccessTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  scope: z.string(),
  /** The region's name and level, for people to read ("Kecamatan Kuaro"); null if the region is gone. */
  scopeName: z.string().nullable(),
  scopeKind: z.string().nullable(),
  readOnly: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type AccessTokenView = z.infer<typeof AccessTokenViewSchema>;

export const AccessTokenInput = z.strictObject({
  name: z.string().trim().min(3).max(80),
  /** A machine never manages users: every role but the regency administrator. */
  role: z.enum(MACHINE_ROLES).default("viewer"),
  scope: z.string().min(2).max(40),
  readOnly: z.boolean().default(true),
  /** Last day the token works (YYYY-MM-DD), at most a year ahead. */
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expiresOn: expected YYYY-MM-DD"),
});

export const tokensApi = {
  list: endpoint({
    method: "GET",
    path: "/api/tokens",
    tag: "tokens",
    response: z.object({ tokens: z.array(AccessTokenViewSchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/tokens",
    tag: "tokens",
    status: 201,
    body: AccessTokenInput,
    /** `secret` is shown this once; only its hash is kept. */
    response: z.object({ token: AccessTokenViewSchema, secret: z.string() }),
  }),
  revoke: endpoint({
    method: "POST",
    path: "/api/tokens/:id/revoke",
    tag: "tokens",
    params: IdParams,
    response: AccessTokenViewSchema,
  }),
};
