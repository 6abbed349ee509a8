import { z } from "zod";
import { defineJob } from "../jobs/service";
import { storeAssessment } from "./service";

/**
 * Computes a regency's yearly assessment off the request path (a yearly scorecard and dashboard per
 * kecamatan: half a minute for the 144 demo villages) and stores it as a draft for the TPPS.
 */
export const computeAssessmentJob = defineJob({
  kind: "assessments.compute",
  input: z.strictObject({ region: z.string().min(2).max(40), year: z.number().int().min(2020).max(2100) }),
  async run(ctx, { region, year }) {
    const view = await storeAssessment(ctx.db, ctx.actor, region, year);
    return { id: view.id, desa: view.desa.length, kecamatan: view.kecamatan.length };
  },
});
