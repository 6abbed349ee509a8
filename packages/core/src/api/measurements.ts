import { z } from "zod";
import { MeasurementInput, MeasurementVoidInput, PosyanduSessionInput } from "../registry-schemas";
import { MeasurementViewSchema, PosyanduSessionSchema, RegistryListsSchema } from "../registry-views";
import { ErrorResponse, IdParams } from "./common";
import { endpoint } from "./endpoint";

/** The 409 of opening a posyandu day another cadre already opened: the error and that day's session. */
export const PosyanduSessionConflict = ErrorResponse.extend({ session: PosyanduSessionSchema });

export const measurementsApi = {
  /** Stored with its growth results; an implausible value comes back flagged, never refused. */
  create: endpoint({
    method: "POST",
    path: "/api/measurements",
    tag: "registry",
    status: 201,
    body: MeasurementInput,
    response: MeasurementViewSchema,
  }),
  /** Void a measurement entered by mistake, with a reason (kept, audited; a correction is `create` with `supersedes`). */
  void: endpoint({
    method: "POST",
    path: "/api/measurements/:id/void",
    tag: "registry",
    params: IdParams,
    body: MeasurementVoidInput.omit({ measurementId: true }),
    response: z.object({ id: z.string(), voided: z.literal(true) }),
  }),
  /** Opens the posyandu's day; when another cadre already opened it, the 409 hands over that session. */
  openSession: endpoint({
    method: "POST",
    path: "/api/posyandu-sessions",
    tag: "registry",
    status: 201,
    body: PosyanduSessionInput,
    response: PosyanduSessionSchema,
    conflict: PosyanduSessionConflict,
  }),
  /** The month's working lists of a region: due, not measured for 2 months, 2T, stunted, wasted, flagged. */
  lists: endpoint({
    method: "GET",
    path: "/api/regions/:code/registry-lists",
    tag: "registry",
    params: z.strictObject({ code: z.string().min(2).max(40) }),
    query: z.strictObject({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM")
        .default(() => new Date().toISOString().slice(0, 7)),
    }),
    response: RegistryListsSchema,
  }),
};

/** A measurement as the offline sync sends it to devices (pull): raw values; the device derives the rest. */
export const MeasurementSyncDataSchema = z.object({
  personId: z.string(),
  regionCode: z.string(),
  ...MeasurementViewSchema.pick({
    measuredOn: true,
    weightKg: true,
    lenheiCm: true,
    measure: true,
    muacCm: true,
    headcCm: true,
    oedema: true,
  }).shape,
  deleted: z.boolean(),
});
export type MeasurementSyncData = z.infer<typeof MeasurementSyncDataSchema>;

/** The cadres of a posyandu session as stored (`posyandu_sessions.cadres_json`). */
export const SessionCadresJson = z.array(z.string());
