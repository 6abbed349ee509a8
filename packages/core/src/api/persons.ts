import { z } from "zod";
import { PersonInput, PersonLeaveInput, PersonPatch, PersonReturnInput } from "../registry-schemas";
import {
  CHART_INDICATORS,
  ChartViewSchema,
  PersonRecordSchema,
  PersonSummarySchema,
  PersonViewSchema,
} from "../registry-views";
import { FileDownload, IdParams } from "./common";
import { endpoint } from "./endpoint";

export const personsApi = {
  /** Search by name (sound-alike) within a region the caller may read. */
  search: endpoint({
    method: "GET",
    path: "/api/persons",
    tag: "registry",
    query: z.strictObject({
      region: z.string().min(2).max(40),
      q: z.string().max(100).default(""),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ persons: z.array(PersonSummarySchema) }),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/persons",
    tag: "registry",
    status: 201,
    body: PersonInput,
    /** `warnings`: NIK checks that did not stop the registration (e.g. it disagrees with the birth date). */
    response: z.object({ person: PersonRecordSchema, warnings: z.array(z.string()) }),
  }),
  view: endpoint({
    method: "GET",
    path: "/api/persons/:id",
    tag: "registry",
    params: IdParams,
    response: PersonViewSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/persons/:id",
    tag: "registry",
    params: IdParams,
    body: PersonPatch,
    response: PersonRecordSchema,
  }),
  /** Moved away or died from a date, with the reason (kept, audited). */
  leave: endpoint({
    method: "POST",
    path: "/api/persons/:id/leave",
    tag: "registry",
    params: IdParams,
    body: PersonLeaveInput.omit({ personId: true }),
    response: PersonRecordSchema,
  }),
  /** Undo a moved-away/died mark made by mistake, with a reason (audited): the person counts again. */
  undoLeave: endpoint({
    method: "POST",
    path: "/api/persons/:id/leave/undo",
    tag: "registry",
    params: IdParams,
    body: PersonReturnInput.omit({ personId: true }),
    response: PersonRecordSchema,
  }),
  chart: endpoint({
    method: "GET",
    path: "/api/persons/:id/chart",
    tag: "registry",
    params: IdParams,
    query: z.strictObject({ indicator: z.enum(CHART_INDICATORS) }),
    response: ChartViewSchema,
  }),
  /** The KMS-like growth card (PDF): WHO weight-for-age lines, the child's weighings with N/T. */
  growthCard: endpoint({
    method: "GET",
    path: "/api/persons/:id/growth-card.pdf",
    tag: "registry",
    summary: "The child's KMS-like growth card (PDF, Buku KIA 2023)",
    params: IdParams,
    kind: "file",
    response: FileDownload,
  }),
};

/**
 * A person as the offline sync sends it to devices (pull): the NIK masked (UU 27/2022), `deleted` and
 * `mergedInto` so a phone drops a record that left the registry.
 */
export const PersonSyncDataSchema = z.object({
  regionCode: z.string(),
  householdId: z.string().nullable(),
  name: z.string(),
  sex: z.union([z.literal(1), z.literal(2)]),
  birthDate: z.string(),
  nikMasked: z.string().nullable(),
  motherId: z.string().nullable(),
  parentName: z.string().nullable(),
  birthWeightKg: z.number().nullable(),
  birthLengthCm: z.number().nullable(),
  revision: z.number().int(),
  /** Moved away or died (core `presentOn`); the posyandu day leaves the child out from that day. */
  leftOn: z.string().nullable(),
  deleted: z.boolean(),
  mergedInto: z.string().nullable(),
});
export type PersonSyncData = z.infer<typeof PersonSyncDataSchema>;
