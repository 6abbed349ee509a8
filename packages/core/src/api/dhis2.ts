import { z } from "zod";
import { AnyPeriod } from "../period";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

/** A DHIS2 download of a region and period (month, quarter, semester or year) in one of DHIS2's formats. */
export const Dhis2ExportQuery = z.strictObject({
  region: z.string().min(1).max(40),
  period: AnyPeriod,
  format: z.enum(["json", "csv", "adx"]).default("json"),
});

export const dhis2Api = {
  /** Audited. Counts by sex and age band, mapped by the deployment's mapping file (data/dhis2). */
  export: endpoint({
    method: "GET",
    path: "/api/dhis2/export",
    tag: "dhis2",
    query: Dhis2ExportQuery,
    kind: "file",
    response: FileDownload,
  }),
};
