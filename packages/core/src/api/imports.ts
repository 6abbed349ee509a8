import { z } from "zod";
import { ImportReportSchema } from "../registry-views";
import { endpoint } from "./endpoint";

const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

export const importsApi = {
  /**
   * An e-PPGBM export (XLSX or CSV) as the raw request body; the options in the query. The report lists
   * every rejected row with its line, column and reason.
   */
  measurements: endpoint({
    method: "POST",
    path: "/api/imports/measurements",
    tag: "registry",
    upload: true,
    query: z.strictObject({
      fileName: z.string().min(1).max(200),
      dryRun: flag,
      allOrNothing: flag,
    }),
    response: ImportReportSchema,
  }),
};
