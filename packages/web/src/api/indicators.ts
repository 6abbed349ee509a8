// Indicator endpoints (issue 7): dashboards, entered values and their history, the public publication.
// Downloads are plain links to server endpoints (the server builds and audits the files).
import type { DashboardView, IndicatorValueInput, IndicatorValueView, PublicationView } from "@tumbuh/core";
import type { Requester } from "./client";

const enc = encodeURIComponent;

export interface DashboardParams {
  region: string;
  period: string;
  agency?: string | undefined;
}

function query(p: DashboardParams): string {
  const q = new URLSearchParams({ region: p.region, period: p.period });
  if (p.agency) q.set("agency", p.agency);
  return q.toString();
}

/** Where a dashboard figure downloads from (CSV: one figure; XLSX: all three as sheets). */
export function dashboardExportUrl(p: DashboardParams, format: "csv" | "xlsx", figure = "indikator"): string {
  return `/api/indicators/dashboard/export?${query(p)}&format=${format}&figure=${enc(figure)}`;
}

export function publicationUrl(year: number, format: "csv" | "pdf"): string {
  return `/api/public/publication/${year}/${format}`;
}

export function indicatorEndpoints(request: Requester) {
  return {
    dashboard(p: DashboardParams, signal?: AbortSignal): Promise<DashboardView> {
      return request(`/indicators/dashboard?${query(p)}`, { signal });
    },
    enterIndicatorValue(input: IndicatorValueInput): Promise<IndicatorValueView> {
      return request("/indicators/values", { method: "POST", body: input });
    },
    indicatorValueHistory(
      key: { indicatorId: string; regionCode: string; period: string },
      signal?: AbortSignal,
    ): Promise<IndicatorValueView[]> {
      const q = new URLSearchParams(key);
      return request(`/indicators/values/history?${q}`, { signal });
    },
    /** No login needed; a 401 here never means "session expired". */
    publication(year: number, signal?: AbortSignal): Promise<PublicationView> {
      return request(`/public/publication/${year}`, { signal, sessionRequired: false });
    },
  };
}
