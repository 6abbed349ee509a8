import { z } from "zod";
import { AnyPeriod } from "../period";
import { NARRATIVE_FIELDS, REPORT_KINDS_LIST, REPORT_SECTIONS } from "./kinds";

/**
 * A report's figures as stored when it is issued and as the PDF, the XLSX and the CLI's JSON print them:
 * sections of named figures and tables. The PDF prints exactly these (nothing is computed while rendering),
 * so the JSON carries every figure the PDF prints.
 */
export const FigureUnit = z.enum(["count", "percent", "rupiah", "text"]);
export type FigureUnit = z.infer<typeof FigureUnit>;

export const ReportFigureSchema = z.object({
  /** Stable key within the section (what tests and the CLI's readers look up). */
  key: z.string(),
  label: z.string(),
  unit: FigureUnit,
  value: z.number().nullable(),
  /** For unit "text", or a note beside a number (e.g. "3/12", the interval). */
  text: z.string().nullable(),
});
export type ReportFigure = z.infer<typeof ReportFigureSchema>;

export const FigureCell = z.union([z.string(), z.number(), z.null()]);
export type FigureCell = z.infer<typeof FigureCell>;

export const FigureTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  /** Per column how its numbers print; same length as columns. */
  units: z.array(FigureUnit),
  rows: z.array(z.array(FigureCell)),
});
export type FigureTable = z.infer<typeof FigureTableSchema>;

export const ReportSectionSchema = z.object({
  code: z.enum(REPORT_SECTIONS),
  title: z.string(),
  /** The article or computation the figures answer to. */
  source: z.string(),
  /** A sentence printed under the title (e.g. "data tika belum tersedia"). */
  note: z.string().nullable(),
  figures: z.array(ReportFigureSchema),
  tables: z.array(FigureTableSchema),
});
export type ReportSectionView = z.infer<typeof ReportSectionSchema>;

export const ReportFiguresSchema = z.object({
  /** When the figures were assembled (ISO UTC). */
  assembledAt: z.string(),
  sections: z.array(ReportSectionSchema),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

export const NarrativeSchema = z.partialRecord(z.enum(NARRATIVE_FIELDS), z.string().max(8000));
export type Narrative = z.infer<typeof NarrativeSchema>;

export const SignatureSchema = z.strictObject({
  position: z.string().min(1).max(200),
  name: z.string().max(200),
  /** NIP or other identifier printed under the name (optional). */
  identifier: z.string().max(60).optional(),
});
export type Signature = z.infer<typeof SignatureSchema>;

export const REPORT_STATUSES = ["draft", "issued", "acknowledged"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ReportSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS_LIST),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  version: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  /** A later version exists (this one stays readable). */
  superseded: z.boolean(),
  dueOn: z.string(),
  issuedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  /** Documents rendered (false for a moment after issuing, while the job renders them). */
  documents: z.boolean(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportViewSchema = ReportSummarySchema.extend({
  recipientCode: z.string().nullable(),
  recipientName: z.string().nullable(),
  narrative: NarrativeSchema,
  signatures: z.array(SignatureSchema),
  figures: ReportFiguresSchema,
  issuedBy: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
  /** Every version of this report (kind, region, period), oldest first. */
  versions: z.array(ReportSummarySchema),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), issue: z.boolean(), acknowledge: z.boolean(), correct: z.boolean() }),
});
export type ReportView = z.infer<typeof ReportViewSchema>;

/** A report the level above expects: issued, late, or missing. */
export const DueRowSchema = z.object({
  kind: z.enum(REPORT_KINDS_LIST),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  dueOn: z.string(),
  state: z.enum(["received", "acknowledged", "overdue", "not_due"]),
  reportId: z.string().nullable(),
});
export type DueRow = z.infer<typeof DueRowSchema>;

export const ReportListSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** Reports this region wrote (latest version of each first). */
  own: z.array(ReportSummarySchema),
  /** Reports sent to this region by the level below (issued, latest versions). */
  inbox: z.array(ReportSummarySchema),
  /** Per child region and kind: what was due in the recent periods and whether it came. */
  due: z.array(DueRowSchema),
});
export type ReportList = z.infer<typeof ReportListSchema>;

export const CreateReportInput = z.strictObject({
  kind: z.enum(REPORT_KINDS_LIST),
  regionCode: z.string().min(2).max(40),
  period: AnyPeriod,
});
export type CreateReportInput = z.infer<typeof CreateReportInput>;

export const UpdateReportInput = z.strictObject({
  narrative: NarrativeSchema.optional(),
  signatures: z.array(SignatureSchema).max(10).optional(),
  /** Assemble the figures again from the live data (a draft only). */
  refresh: z.boolean().optional(),
});
export type UpdateReportInput = z.infer<typeof UpdateReportInput>;

export const AcknowledgeInput = z.strictObject({ note: z.string().max(2000).optional() });
