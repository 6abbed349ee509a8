import { z } from "zod";
import { AnyPeriod } from "../period";
import { KINDS } from "../regions";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

/** A DHIS2 download of a region and period (month, quarter, semester or year) in one of DHIS2's formats. */
export const Dhis2ExportQuery = z.strictObject({
  region: z.string().min(1).max(40),
  period: AnyPeriod,
  format: z.enum(["json", "csv", "adx"]).default("json"),
});

/**
 * Whether a region's figures can go to DHIS2: the mapping names org units (usually the regency and its
 * kecamatan/puskesmas), and a region with none inside it — a desa — has nothing to send. The dashboard
 * then says where the download is instead of offering links that would fail.
 */
export const Dhis2AvailabilitySchema = z.object({
  available: z.boolean(),
  /** No mapped unit inside: the nearest mapped area above (its name), if any. */
  mappedAbove: z.object({ code: z.string(), name: z.string(), kind: z.enum(KINDS) }).nullable(),
  /** The deployment's mapping file cannot be read: an administrator must fix it. */
  mappingBroken: z.boolean(),
});
export type Dhis2Availability = z.infer<typeof Dhis2AvailabilitySchema>;

export const dhis2Api = {
  availability: endpoint({
    method: "GET",
    path: "/api/dhis2/availability",
    tag: "dhis2",
    query: z.strictObject({ region: z.string().min(1).max(40) }),
    response: Dhis2AvailabilitySchema,
  }),
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
