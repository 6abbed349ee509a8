import { z } from "zod";
import { AnyPeriod } from "../period";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

export const fhirApi = {
  /**
   * Audited (it carries names and NIKs). The measurements taken inside `region` (a posyandu: its sessions)
   * in the period, or on one day (`date`, a posyandu session), as a FHIR R4 transaction Bundle.
   */
  bundle: endpoint({
    method: "GET",
    path: "/api/fhir/bundle",
    tag: "fhir",
    query: z.strictObject({
      region: z.string().min(1).max(40),
      period: AnyPeriod,
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    kind: "file",
    response: FileDownload,
  }),
};
