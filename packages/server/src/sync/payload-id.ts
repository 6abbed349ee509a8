import { z } from "zod";

/**
 * For entities whose payload is checked by the feature's own input schema, which requires the record's
 * id: an op's payload may repeat it or leave it out, and the op's entityId decides (each handler passes
 * `{ ...op.payload, id: op.entityId }` to its service). Spread into `InputSchema.extend({ ... })`.
 */
export const optionalId = { id: z.string().uuid().optional() };
