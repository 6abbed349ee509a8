import { z } from "zod";
import { KINDS, LEVELS } from "../regions";

/**
 * The body of every failure: a stable code the UI translates (one of `SERVER_ERROR_CODES`; the server's
 * AppError only takes those, so the type checker holds the list), a safe message, the offending field.
 * A string here, not an enum, so an unexpected code can never turn an error reply into a 500.
 */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** Why (one of `ERROR_REASONS`), and what the message names: the UI words the refusal from these. */
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
  }),
});

export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  kind: z.enum(KINDS),
  parentCode: z.string().nullable(),
});
export type RegionRow = z.infer<typeof RegionSchema>;

/** A record id in a path (UUID, made by the server or a device). */
export const IdParams = z.strictObject({ id: z.string().uuid() });
/** A region code in a path. */
export const CodeParams = z.strictObject({ code: z.string().min(1).max(40) });
/** 204: nothing in the body. */
export const NoContent = z.null();
/** A file download (XLSX, PDF, CSV): bytes, documented as a string. */
export const FileDownload = z.string();
