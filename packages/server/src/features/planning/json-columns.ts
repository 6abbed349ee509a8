import type { z } from "zod";

/**
 * Reads one of planning's `*_json` text columns back through its zod schema from core, so the value is
 * typed by what was checked rather than cast: a row that does not match is a server error (500), not
 * data that leaks into a view or a berita acara half-formed.
 */
export function fromJson<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  return schema.parse(JSON.parse(text));
}
