import { z } from "zod";
import { IndicatorCatalog, IndicatorDef } from "../indicators/catalog-schema";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

/** Which regency's catalog; defaults to the one the actor is assigned in. */
const RegencyQuery = z.strictObject({
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional(),
});

const CATALOG_ORIGINS = ["shipped", "import", "target"] as const;

export const CatalogViewSchema = z.object({
  regency: z.string(),
  /** 0 while the regency still uses the shipped file unchanged (nothing stored yet). */
  version: z.number().int(),
  origin: z.enum(CATALOG_ORIGINS),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Whether the asking actor may import a catalog or edit targets (the UI shows the forms). */
  canEdit: z.boolean(),
  catalog: IndicatorCatalog,
});
export type CatalogView = z.infer<typeof CatalogViewSchema>;

export const CatalogHistorySchema = z.object({
  regency: z.string(),
  /** Newest first. */
  versions: z.array(
    z.object({
      version: z.number().int(),
      origin: z.enum(CATALOG_ORIGINS),
      summary: z.string().nullable(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
});
export type CatalogHistory = z.infer<typeof CatalogHistorySchema>;

/** What an admin may change of one target (issue 7): its value, its text, its year. */
export const TargetEdit = z
  .strictObject({
    value: z.number().finite().nullable().optional(),
    original: z.string().max(500).optional(),
    year: z.number().int().min(2000).max(2100).nullable().optional(),
  })
  .refine((v) => v.value !== undefined || v.original !== undefined || v.year !== undefined, {
    message: "give value, original or year",
  });
export type TargetEdit = z.infer<typeof TargetEdit>;

export const indicatorCatalogApi = {
  get: endpoint({
    method: "GET",
    path: "/api/indicators/catalog",
    tag: "indicators",
    query: RegencyQuery,
    response: CatalogViewSchema,
  }),
  history: endpoint({
    method: "GET",
    path: "/api/indicators/catalog/history",
    tag: "indicators",
    query: RegencyQuery,
    response: CatalogHistorySchema,
  }),
  /** The catalog file (JSON) as a download; audited, since it leaves the system. */
  export: endpoint({
    method: "GET",
    path: "/api/indicators/catalog/export",
    tag: "indicators",
    query: RegencyQuery,
    kind: "file",
    response: FileDownload,
  }),
  // The body is the whole catalog file; the server checks it with validateCatalog, which names every bad
  // indicator and field (a schema here would stop at the first issue).
  import: endpoint({
    method: "PUT",
    path: "/api/indicators/catalog",
    tag: "indicators",
    query: RegencyQuery,
    body: z.unknown(),
    response: CatalogViewSchema,
  }),
  editTarget: endpoint({
    method: "PATCH",
    path: "/api/indicators/:id/target",
    tag: "indicators",
    params: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]+$/) }),
    query: RegencyQuery,
    body: TargetEdit,
    response: z.object({ version: z.number().int(), indicator: IndicatorDef }),
  }),
};
