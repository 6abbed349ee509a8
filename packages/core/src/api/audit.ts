import { z } from "zod";
import { endpoint } from "./endpoint";

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** The region's name, for people to read (null when the entry has no region). */
  regionName: z.string().nullable(),
  /** Its level ("desa", "kelurahan", "posyandu"…), so the name reads "Desa Sandeley" (null without a region). */
  regionKind: z.string().nullable(),
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
      /** Who: a username. */
      actor: z.string().max(40).optional(),
      /** What: the kind of record (`person`, `measurement`…), or a whole action (`person.create`). */
      what: z.string().max(60).optional(),
      /** Where: a region code; entries of the region and everything below it. */
      region: z.string().max(40).optional(),
      /** When: calendar days (UTC), both included. */
      from: IsoDay.optional(),
      to: IsoDay.optional(),
    }),
    response: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.string().nullable() }),
  }),
};
