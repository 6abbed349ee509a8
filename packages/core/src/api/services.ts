import { z } from "zod";
import { RecordVoidInput } from "../registry-schemas";
import { ServiceCatalogSchema } from "../services/catalog";
import {
  ScorecardCellViewSchema,
  ScorecardPeriod,
  ScorecardViewSchema,
  ServiceRecordInput,
  ServiceRecordViewSchema,
} from "../services/schemas";
import { FileDownload, IdParams } from "./common";
import { endpoint } from "./endpoint";

const code = z.string().min(2).max(40);

export const servicesApi = {
  /**
   * 201 with the new record; 200 with the stored one when its id was already recorded (an offline
   * device sending again: nothing is written).
   */
  record: endpoint({
    method: "POST",
    path: "/api/service-records",
    tag: "services",
    status: 201,
    body: ServiceRecordInput,
    response: ServiceRecordViewSchema,
  }),
  /** Void a record entered by mistake, with a reason (kept, audited; a correction is `record` with `supersedes`). */
  void: endpoint({
    method: "POST",
    path: "/api/service-records/:id/void",
    tag: "services",
    params: IdParams,
    body: RecordVoidInput.omit({ id: true }),
    response: ServiceRecordViewSchema,
  }),
  ofPerson: endpoint({
    method: "GET",
    path: "/api/persons/:id/service-records",
    tag: "services",
    params: IdParams,
    response: z.array(ServiceRecordViewSchema),
  }),
  catalog: endpoint({
    method: "GET",
    path: "/api/service-catalog",
    tag: "services",
    query: z.strictObject({ region: code }),
    response: ServiceCatalogSchema,
  }),
  scorecard: endpoint({
    method: "GET",
    path: "/api/regions/:code/scorecard",
    tag: "services",
    params: z.strictObject({ code }),
    query: z.strictObject({ period: ScorecardPeriod }),
    response: ScorecardViewSchema,
  }),
  /** Why one target's cells of one indicator are Y, T or TS: what was due, by when, what was recorded, the rule. */
  scorecardCell: endpoint({
    method: "GET",
    path: "/api/regions/:code/scorecard/cell",
    tag: "services",
    params: z.strictObject({ code }),
    query: z.strictObject({ period: ScorecardPeriod, person: z.string().min(1).max(64), indicator: code }),
    response: ScorecardCellViewSchema,
  }),
  /** Audited: it carries names of targets out of the system. */
  scorecardExport: endpoint({
    method: "GET",
    path: "/api/regions/:code/scorecard/export",
    tag: "services",
    params: z.strictObject({ code }),
    query: z.strictObject({ period: ScorecardPeriod, format: z.enum(["xlsx", "pdf"]) }),
    kind: "file",
    response: FileDownload,
  }),
};
