import { z } from "zod";
import { HouseholdInput } from "../registry-schemas";
import { HouseholdViewSchema, PersonSummarySchema } from "../registry-views";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";

export const householdsApi = {
  create: endpoint({
    method: "POST",
    path: "/api/households",
    tag: "registry",
    status: 201,
    body: HouseholdInput,
    response: HouseholdViewSchema,
  }),
  view: endpoint({
    method: "GET",
    path: "/api/households/:id",
    tag: "registry",
    params: IdParams,
    response: z.object({
      household: HouseholdViewSchema,
      members: z.array(PersonSummarySchema),
      /** PALI Pasal 1 angka 17: a household with a pregnant woman or a child 0–23 months. */
      is1000Hpk: z.boolean(),
    }),
  }),
};

/** A household as the offline sync sends it to devices (pull). */
export const HouseholdSyncDataSchema = z.object({
  regionCode: z.string(),
  headName: z.string().nullable(),
  address: z.string(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  waterSource: z.string(),
  latrineType: z.string(),
  revision: z.number().int(),
  deleted: z.boolean(),
});
export type HouseholdSyncData = z.infer<typeof HouseholdSyncDataSchema>;
