import { z } from "zod";
import { errors } from "../../errors";
import { defineJob } from "../jobs/service";
import { importMeasurements } from "./service";

/** The e-PPGBM import as a background job: the file is read, checked and stored in the job worker. */
export const importMeasurementsJob = defineJob({
  kind: "imports.measurements",
  input: z.object({ fileName: z.string(), dryRun: z.boolean(), allOrNothing: z.boolean() }),
  async run(ctx, input) {
    if (!ctx.file) throw errors.badRequest("The import job has no file.");
    return importMeasurements(ctx.db, ctx.actor, ctx.file, {
      ...input,
      progress: (done, total) => ctx.progress(done, total),
    });
  },
});
