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

/** A household as the offline sync sends it to devices (pull): the view's stored fields, not its derived flags. */
export const HouseholdSyncDataSchema = HouseholdViewSchema.pick({
  regionCode: true,
  headName: true,
  address: true,
  rt: true,
  rw: true,
  waterSource: true,
  latrineType: true,
  revision: true,
}).extend({ deleted: z.boolean() });
export type HouseholdSyncData = z.infer<typeof HouseholdSyncDataSchema>;
