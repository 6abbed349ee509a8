import { z } from "zod";
import { isPeriod } from "../period";
import { SkdnViewSchema } from "../skdn/figures";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

const code = z.string().min(2).max(40);
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM")
  .refine(isPeriod);

export const skdnApi = {
  /** The SKDN monthly weighing report of a posyandu, desa or kecamatan (rows one level down). */
  report: endpoint({
    method: "GET",
    path: "/api/regions/:code/skdn",
    tag: "skdn",
    params: z.strictObject({ code }),
    query: z.strictObject({ month: Month }),
    response: SkdnViewSchema,
  }),
  /** Audited download. */
  export: endpoint({
    method: "GET",
    path: "/api/regions/:code/skdn/export",
    tag: "skdn",
    params: z.strictObject({ code }),
    query: z.strictObject({ month: Month, format: z.enum(["xlsx", "pdf"]) }),
    kind: "file",
    response: FileDownload,
  }),
};
