// Indicator catalog endpoints (issue 7): the regency's catalog (Paser Pasal 6, Pasal 7, Lampiran), its
// history, a whole-file import and one target's edit. Built on the one `request` of client.ts.
import type { IndicatorCatalog, IndicatorDef } from "@tumbuh/core";
import type { Requester } from "./client";

export interface CatalogView {
  regency: string;
  /** 0 while the shipped file is used unchanged. */
  version: number;
  origin: "shipped" | "import" | "target";
  updatedAt: string | null;
  updatedBy: string | null;
  canEdit: boolean;
  catalog: IndicatorCatalog;
}

export interface TargetEditInput {
  value?: number | null;
  original?: string;
  year?: number | null;
}

/** Where the browser downloads the catalog file from (a plain link: the session cookie goes along). */
export const CATALOG_EXPORT_URL = "/api/indicators/catalog/export";

export function catalogEndpoints(request: Requester) {
  return {
    indicatorCatalog(signal?: AbortSignal): Promise<CatalogView> {
      return request("/indicators/catalog", { signal });
    },
    importIndicatorCatalog(file: unknown): Promise<CatalogView> {
      return request("/indicators/catalog", { method: "PUT", body: file });
    },
    editIndicatorTarget(
      id: string,
      input: TargetEditInput,
    ): Promise<{ version: number; indicator: IndicatorDef }> {
      return request(`/indicators/${encodeURIComponent(id)}/target`, { method: "PATCH", body: input });
    },
  };
}
