import type { z } from "zod";

/**
 * Reads a `*_json` text column through the zod schema of what was stored, so a row that does not hold
 * what the code expects fails here, by name, instead of travelling on as `any`.
 */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  return schema.parse(JSON.parse(text));
}
