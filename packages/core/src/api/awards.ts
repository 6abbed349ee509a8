import { z } from "zod";
import { AwardInput, AwardRegisterSchema, AwardViewSchema } from "../reports/awards";
import { endpoint } from "./endpoint";

const tag = "awards";

/** The register of awards and kader incentives (Perbup Paser 47/2024 Pasal 49). */
export const awardsApi = {
  register: endpoint({
    method: "GET",
    path: "/api/awards",
    tag,
    query: z.strictObject({
      region: z.string().min(2).max(40),
      year: z.coerce.number().int().min(2020).max(2100),
    }),
    response: AwardRegisterSchema,
  }),
  add: endpoint({
    method: "POST",
    path: "/api/awards",
    tag,
    status: 201,
    body: AwardInput,
    response: AwardViewSchema,
  }),
};
