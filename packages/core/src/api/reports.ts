import { z } from "zod";
import {
  AcknowledgeInput,
  CreateReportInput,
  ReportListSchema,
  ReportViewSchema,
  UpdateReportInput,
} from "../reports/views";
import { FileDownload, IdParams } from "./common";
import { endpoint } from "./endpoint";

const tag = "reports";

/**
 * Reports and meetings the regulations require (issue 15): a draft assembled from live figures, narrative
 * and signatures filled by people, issued (figures frozen, PDF/XLSX rendered once), received and
 * acknowledged by the level above; a correction is a new version.
 */
export const reportsApi = {
  list: endpoint({
    method: "GET",
    path: "/api/reports",
    tag,
    query: z.strictObject({ region: z.string().min(2).max(40) }),
    response: ReportListSchema,
    summary: "A region's own reports, its inbox from the level below and what is due or missing",
  }),
  create: endpoint({
    method: "POST",
    path: "/api/reports",
    tag,
    status: 201,
    body: CreateReportInput,
    response: ReportViewSchema,
    summary: "A draft (or the existing draft of that kind, region and period) with live figures",
  }),
  get: endpoint({
    method: "GET",
    path: "/api/reports/:id",
    tag,
    params: IdParams,
    response: ReportViewSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/reports/:id",
    tag,
    params: IdParams,
    body: UpdateReportInput,
    response: ReportViewSchema,
  }),
  issue: endpoint({
    method: "POST",
    path: "/api/reports/:id/issue",
    tag,
    params: IdParams,
    body: z.strictObject({}),
    response: ReportViewSchema.extend({ jobId: z.string() }),
    summary: "Freeze the figures, send to the level above; the documents render in a background job",
  }),
  acknowledge: endpoint({
    method: "POST",
    path: "/api/reports/:id/acknowledge",
    tag,
    params: IdParams,
    body: AcknowledgeInput,
    response: ReportViewSchema,
  }),
  correct: endpoint({
    method: "POST",
    path: "/api/reports/:id/correct",
    tag,
    status: 201,
    params: IdParams,
    body: z.strictObject({}),
    response: ReportViewSchema,
    summary: "A new draft version of an issued report (the issued one stays readable)",
  }),
  pdf: endpoint({
    method: "GET",
    path: "/api/reports/:id/report.pdf",
    tag,
    kind: "file",
    params: IdParams,
    response: FileDownload,
    summary: "The issued report as PDF (rendered once when issued)",
  }),
  xlsx: endpoint({
    method: "GET",
    path: "/api/reports/:id/report.xlsx",
    tag,
    kind: "file",
    params: IdParams,
    response: FileDownload,
    summary: "The issued report's figures as XLSX",
  }),
};
