import { z } from "zod";
import { PregnancyEnd, PregnancyInput, PregnancyPatch } from "../registry-schemas";
import { PregnancyViewSchema } from "../registry-views";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";

export const pregnanciesApi = {
  create: endpoint({
    method: "POST",
    path: "/api/pregnancies",
    tag: "registry",
    status: 201,
    body: PregnancyInput,
    response: PregnancyViewSchema,
  }),
  end: endpoint({
    method: "POST",
    path: "/api/pregnancies/:id/end",
    tag: "registry",
    params: IdParams,
    body: PregnancyEnd,
    response: PregnancyViewSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/pregnancies/:id",
    tag: "registry",
    params: IdParams,
    body: PregnancyPatch,
    response: PregnancyViewSchema,
  }),
};

/** A pregnancy as the offline sync sends it to devices (pull): the view's stored fields, not its derived flags. */
export const PregnancySyncDataSchema = z.object({
  personId: z.string(),
  regionCode: z.string(),
  ...PregnancyViewSchema.pick({
    lmpDate: true,
    eddDate: true,
    gravida: true,
    muacCm: true,
    hbGdl: true,
    highRisk: true,
    highRiskNote: true,
    endedOn: true,
    outcome: true,
    revision: true,
  }).shape,
  deleted: z.boolean(),
});
export type PregnancySyncData = z.infer<typeof PregnancySyncDataSchema>;
