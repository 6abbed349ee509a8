import { z } from "zod";
import { PersonSummarySchema } from "../registry-views";
import { endpoint } from "./endpoint";

/**
 * One search across everything the user may read (issue 17): a name (sound-alike, core name-key.ts) or a
 * whole NIK. NIKs come back masked (PersonSummary.nikMasked) whatever the role; the person's own page shows
 * the full number to those who open it.
 */
export const SearchHitSchema = PersonSummarySchema.extend({
  /** The posyandu, dusun or desa the person is registered in, by name. */
  placeName: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SEARCH_LIMIT = 50;

export const searchApi = {
  persons: endpoint({
    method: "GET",
    path: "/api/search",
    tag: "registry",
    query: z.strictObject({ q: z.string().trim().min(2).max(100) }),
    response: z.object({ hits: z.array(SearchHitSchema), byNik: z.boolean(), truncated: z.boolean() }),
  }),
};
