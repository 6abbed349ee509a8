// Services and the convergence scorecard (issue 6). Built on the one `request` of client.ts.
import type { ScorecardView, ServiceCatalog, ServiceRecordInput, ServiceRecordView } from "@tumbuh/core";
import type { Requester } from "./client";

const enc = encodeURIComponent;

/** The file download URL of a scorecard export (a plain link: the session cookie goes with it). */
export function scorecardExportUrl(code: string, period: string, format: "xlsx" | "pdf"): string {
  return `/api/regions/${enc(code)}/scorecard/export?${new URLSearchParams({ period, format })}`;
}

export function servicesEndpoints(request: Requester) {
  return {
    scorecard(code: string, period: string, signal?: AbortSignal): Promise<ScorecardView> {
      return request(`/regions/${enc(code)}/scorecard?${new URLSearchParams({ period })}`, { signal });
    },
    serviceCatalog(region: string, signal?: AbortSignal): Promise<ServiceCatalog> {
      return request(`/service-catalog?${new URLSearchParams({ region })}`, { signal });
    },
    serviceRecords(personId: string, signal?: AbortSignal): Promise<ServiceRecordView[]> {
      return request(`/persons/${enc(personId)}/service-records`, { signal });
    },
    recordService(input: ServiceRecordInput): Promise<ServiceRecordView> {
      return request(`/service-records`, { method: "POST", body: input });
    },
  };
}
