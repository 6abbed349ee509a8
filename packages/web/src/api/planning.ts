// Planning-cycle endpoints (issue 9): cycle, stages, meetings, proposals, reviews, campaigns, social
// mapping, regency overview, institutions and KPM. Wire types come from @tumbuh/core.
import type {
  CatalogActivity,
  CycleDetail,
  InstitutionView,
  KpmView,
  MeetingInput,
  MeetingView,
  Overview,
  ProposalInput,
  ProposalView,
  RegencyRembukInput,
  RegencyRembukView,
  SocialMapping,
  StageCode,
  StageStatus,
} from "@tumbuh/core";
import type { Requester } from "./client";

const enc = encodeURIComponent;

/** The social-mapping figures of a desa (server: features/planning/social-mapping.ts). */
export type SocialMappingView = SocialMapping;

export interface CycleLookup {
  regionCode: string;
  regionName: string;
  kind: "desa" | "kelurahan";
  detail: CycleDetail | null;
}

export interface InstitutionsView {
  institutions: InstitutionView[];
  kpm: KpmView[];
  desaWithoutKpm: { code: string; name: string }[];
  /** Family support teams (TPK) of the region and below, with their member counts. */
  tpk: { id: string; name: string; regionCode: string; regionName: string; members: number }[];
}

export function planningEndpoints(request: Requester) {
  return {
    planningCatalog(signal?: AbortSignal): Promise<{ activities: CatalogActivity[] }> {
      return request(`/planning/catalog`, { signal });
    },
    planningCycle(region: string, year: number, signal?: AbortSignal): Promise<CycleLookup> {
      return request(`/planning/cycles?region=${enc(region)}&year=${year}`, { signal });
    },
    openCycle(regionCode: string, year: number): Promise<CycleDetail> {
      return request(`/planning/cycles`, { method: "POST", body: { regionCode, year } });
    },
    updateCycle(
      id: string,
      body: { musyawarahDate?: string | null; apbTotal?: number | null },
    ): Promise<CycleDetail> {
      return request(`/planning/cycles/${enc(id)}`, { method: "PATCH", body });
    },
    setStage(id: string, stage: StageCode, status: StageStatus): Promise<CycleDetail> {
      return request(`/planning/cycles/${enc(id)}/stages/${stage}`, { method: "POST", body: { status } });
    },
    addMeeting(id: string, body: MeetingInput): Promise<MeetingView> {
      return request(`/planning/cycles/${enc(id)}/meetings`, { method: "POST", body });
    },
    addProposal(id: string, body: ProposalInput): Promise<ProposalView> {
      return request(`/planning/cycles/${enc(id)}/proposals`, { method: "POST", body });
    },
    rankProposals(id: string, order: string[]): Promise<CycleDetail> {
      return request(`/planning/cycles/${enc(id)}/ranking`, { method: "POST", body: { order } });
    },
    setProposalOutcome(
      id: string,
      body: { inPlan: boolean; budgetAmount?: number | null; realisedAmount?: number | null },
    ): Promise<ProposalView> {
      return request(`/planning/proposals/${enc(id)}`, { method: "PATCH", body });
    },
    addReview(
      id: string,
      body: { decision: "komentar" | "perbaikan" | "setuju"; comment: string },
    ): Promise<CycleDetail> {
      return request(`/planning/cycles/${enc(id)}/reviews`, { method: "POST", body });
    },
    addCampaign(
      id: string,
      body: { media: string; heldOn: string; reach: number; description: string },
    ): Promise<CycleDetail> {
      return request(`/planning/cycles/${enc(id)}/campaigns`, { method: "POST", body });
    },
    socialMapping(region: string, signal?: AbortSignal): Promise<SocialMappingView> {
      return request(`/planning/social-mapping?region=${enc(region)}`, { signal });
    },
    planningOverview(region: string, year: number, signal?: AbortSignal): Promise<Overview> {
      return request(`/planning/overview?region=${enc(region)}&year=${year}`, { signal });
    },
    regencyRembuk(
      region: string,
      year: number,
      signal?: AbortSignal,
    ): Promise<{ meetings: RegencyRembukView[] }> {
      return request(`/planning/regency-rembuk?region=${enc(region)}&year=${year}`, { signal });
    },
    recordRegencyRembuk(body: RegencyRembukInput): Promise<RegencyRembukView> {
      return request(`/planning/regency-rembuk`, { method: "POST", body });
    },
    institutions(region: string, signal?: AbortSignal): Promise<InstitutionsView> {
      return request(`/planning/institutions?region=${enc(region)}`, { signal });
    },
    createInstitution(body: {
      regionCode: string;
      kind: string;
      name: string;
      decreeNumber?: string | null;
      decreeDate?: string | null;
    }): Promise<InstitutionView> {
      return request(`/planning/institutions`, { method: "POST", body });
    },
    addMember(institutionId: string, body: { name: string; role: string; unit?: string | null }) {
      return request(`/planning/institutions/${enc(institutionId)}/members`, { method: "POST", body });
    },
    registerKpm(body: Record<string, unknown>): Promise<KpmView> {
      return request(`/planning/kpm`, { method: "POST", body });
    },
  };
}

export const beritaAcaraUrl = (cycleId: string) => `/api/planning/cycles/${enc(cycleId)}/berita-acara.pdf`;
export const overviewCsvUrl = (region: string, year: number) =>
  `/api/planning/overview.csv?region=${enc(region)}&year=${year}`;
