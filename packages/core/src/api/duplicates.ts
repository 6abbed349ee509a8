import { z } from "zod";
import { IsoDate } from "../registry-schemas";
import { DuplicateMatchSchema, DuplicatePairSchema } from "../registry-views";
import { IdParams, NoContent } from "./common";
import { endpoint } from "./endpoint";

export const duplicatesApi = {
  /** Likely duplicates in a region: proposed only, a person decides. */
  list: endpoint({
    method: "GET",
    path: "/api/regions/:code/duplicates",
    tag: "registry",
    params: z.strictObject({ code: z.string().min(2).max(40) }),
    response: z.object({ pairs: z.array(DuplicatePairSchema) }),
  }),
  /**
   * Before registering: live persons in the caller's area the new one may be — the same NIK, or a
   * sound-alike name with the same birth date and mother in the desa. A NIK held outside the caller's area
   * is never revealed (issue 18: it becomes a same_nik pair for whoever sees both).
   */
  check: endpoint({
    method: "POST",
    path: "/api/duplicates/check",
    tag: "registry",
    body: z.strictObject({
      regionCode: z.string().min(2).max(40),
      name: z.string().trim().min(1).max(120),
      birthDate: IsoDate,
      nik: z.string().trim().max(16).nullish(),
      motherId: z.string().uuid().nullish(),
      parentName: z.string().trim().max(120).nullish(),
    }),
    response: z.object({ matches: z.array(DuplicateMatchSchema).max(20) }),
  }),
  merge: endpoint({
    method: "POST",
    path: "/api/persons/merge",
    tag: "registry",
    body: z.strictObject({ keepId: z.string().uuid(), mergeId: z.string().uuid() }),
    /** The merge's id, for undo. */
    response: z.object({ mergeId: z.string() }),
  }),
  undoMerge: endpoint({
    method: "POST",
    path: "/api/merges/:id/undo",
    tag: "registry",
    status: 204,
    params: IdParams,
    response: NoContent,
  }),
  dismiss: endpoint({
    method: "POST",
    path: "/api/duplicates/dismiss",
    tag: "registry",
    status: 204,
    body: z.strictObject({ aId: z.string().uuid(), bId: z.string().uuid() }),
    response: NoContent,
  }),
};

/**
 * What a merge moved (`person_merges.moved_json`), so undo puts back exactly that: measurements and
 * pregnancies and children re-pointed, measurements left on the merged record (a day the kept one had),
 * and the fields the kept record took over.
 */
export const MergeMovedJson = z.object({
  measurements: z.array(z.string()),
  keptAside: z.array(z.string()),
  pregnancies: z.array(z.string()),
  children: z.array(z.string()),
  nik: z.string().nullable(),
  householdId: z.string().nullable(),
  motherId: z.string().nullable(),
});
export type MergeMoved = z.infer<typeof MergeMovedJson>;
