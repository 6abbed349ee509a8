import { z } from "zod";
import { endpoint } from "./endpoint";

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const auditApi = {
  list: endpoint({
    method: "GET",
    path: "/api/audit",
    tag: "audit",
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      before: z.string().max(40).optional(),
    }),
    response: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.string().nullable() }),
  }),
};
