import { z } from "zod";
import { FamilyScreeningInput, FamilyVerifyInput } from "../families/schemas";
import { isSemester } from "../families/semester";
import { FamilyListSchema, FamilyScreeningViewSchema, FamilyViewSchema } from "../families/views";
import { RecordVoidInput } from "../registry-schemas";
import { CodeParams, IdParams } from "./common";
import { endpoint } from "./endpoint";

/** A semester in a query ("2026-S2"); absent = the current one. */
export const SemesterQuery = z.strictObject({
  semester: z.string().refine(isSemester, "semester: like 2026-S2").optional(),
});

/** Families at risk of stunting (Paser Pasal 12(3)a, 13(1)): screenings per semester and their verification. */
export const familiesApi = {
  family: endpoint({
    method: "GET",
    path: "/api/families/:id",
    tag: "families",
    summary: "A household as a family: registry facts, their evaluation, every screening",
    params: IdParams,
    response: FamilyViewSchema,
  }),
  list: endpoint({
    method: "GET",
    path: "/api/regions/:code/families",
    tag: "families",
    summary: "Families screened in a region this semester, at-risk first, and those not screened",
    params: CodeParams,
    query: SemesterQuery,
    response: FamilyListSchema,
  }),
  screen: endpoint({
    method: "POST",
    path: "/api/family-screenings",
    tag: "families",
    status: 201,
    body: FamilyScreeningInput,
    response: FamilyScreeningViewSchema,
  }),
  verify: endpoint({
    method: "POST",
    path: "/api/family-screenings/:id/verify",
    tag: "families",
    params: IdParams,
    body: FamilyVerifyInput,
    response: FamilyScreeningViewSchema,
  }),
  /** Void a screening recorded by mistake, with a reason (kept, audited; the family's risk no longer counts it). */
  voidScreening: endpoint({
    method: "POST",
    path: "/api/family-screenings/:id/void",
    tag: "families",
    params: IdParams,
    body: RecordVoidInput.omit({ id: true }),
    response: FamilyScreeningViewSchema,
  }),
};
