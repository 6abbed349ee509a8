// Registry endpoints (issue 4): priority targets, households, pregnancies, posyandu sessions,
// measurements, growth charts, lists, duplicates and e-PPGBM import. Built on the one `request` of
// client.ts, so fetch is still called in exactly one place. Wire types come from @tumbuh/core.
import type {
  ChartView,
  DuplicatePair,
  HouseholdInput,
  HouseholdView,
  ImportReport,
  MeasurementInput,
  MeasurementView,
  PersonInput,
  PersonSummary,
  PersonView,
  PregnancyInput,
  PregnancyView,
  RegistryLists,
} from "@tumbuh/core";
import type { Requester } from "./client";

export type PersonRecord = PersonView["person"];
export type PersonPatch = { revision: number } & Partial<Omit<PersonInput, "regionCode">>;
export type PregnancyEndInput = { endedOn: string; outcome: "lahir_hidup" | "lahir_mati" | "keguguran" };
export type ChartIndicator = ChartView["indicator"];

export interface PosyanduSession {
  id: string;
  posyanduCode: string;
  heldOn: string;
  cadres: string[];
}

export interface ImportOptions {
  fileName: string;
  dryRun: boolean;
  allOrNothing: boolean;
}

const enc = encodeURIComponent;

export function registryEndpoints(request: Requester) {
  return {
    persons(
      params: { region: string; q?: string; limit?: number },
      signal?: AbortSignal,
    ): Promise<PersonSummary[]> {
      const query = new URLSearchParams({ region: params.region });
      // the server takes queries up to 100 characters
      if (params.q) query.set("q", params.q.slice(0, 100));
      query.set("limit", String(params.limit ?? 50));
      return request<{ persons: PersonSummary[] }>(`/persons?${query}`, { signal }).then((r) => r.persons);
    },
    person(id: string, signal?: AbortSignal): Promise<PersonView> {
      return request<PersonView>(`/persons/${enc(id)}`, { signal });
    },
    createPerson(input: PersonInput): Promise<{ person: PersonRecord; warnings: string[] }> {
      return request(`/persons`, { method: "POST", body: input });
    },
    updatePerson(id: string, patch: PersonPatch): Promise<PersonRecord> {
      return request(`/persons/${enc(id)}`, { method: "PATCH", body: patch });
    },
    createHousehold(input: HouseholdInput): Promise<HouseholdView> {
      return request(`/households`, { method: "POST", body: input });
    },
    household(
      id: string,
      signal?: AbortSignal,
    ): Promise<{ household: HouseholdView; members: PersonSummary[] }> {
      return request(`/households/${enc(id)}`, { signal });
    },
    createPregnancy(input: PregnancyInput): Promise<PregnancyView> {
      return request(`/pregnancies`, { method: "POST", body: input });
    },
    endPregnancy(id: string, input: PregnancyEndInput): Promise<PregnancyView> {
      return request(`/pregnancies/${enc(id)}/end`, { method: "POST", body: input });
    },
    createPosyanduSession(input: {
      posyanduCode: string;
      heldOn: string;
      cadres: string[];
    }): Promise<PosyanduSession> {
      return request(`/posyandu-sessions`, { method: "POST", body: input });
    },
    createMeasurement(input: MeasurementInput): Promise<MeasurementView> {
      return request(`/measurements`, { method: "POST", body: input });
    },
    chart(id: string, indicator: ChartIndicator, signal?: AbortSignal): Promise<ChartView> {
      return request(`/persons/${enc(id)}/chart?indicator=${indicator}`, { signal });
    },
    registryLists(code: string, month: string, signal?: AbortSignal): Promise<RegistryLists> {
      return request(`/regions/${enc(code)}/registry-lists?month=${enc(month)}`, { signal });
    },
    duplicates(code: string, signal?: AbortSignal): Promise<DuplicatePair[]> {
      return request<{ pairs: DuplicatePair[] }>(`/regions/${enc(code)}/duplicates`, { signal }).then(
        (r) => r.pairs,
      );
    },
    mergePersons(keepId: string, mergeId: string): Promise<{ mergeId: string }> {
      return request(`/persons/merge`, { method: "POST", body: { keepId, mergeId } });
    },
    undoMerge(mergeId: string): Promise<void> {
      return request(`/merges/${enc(mergeId)}/undo`, { method: "POST" });
    },
    dismissDuplicate(aId: string, bId: string): Promise<void> {
      return request(`/duplicates/dismiss`, { method: "POST", body: { aId, bId } });
    },
    importMeasurements(file: ArrayBuffer | Blob, options: ImportOptions): Promise<ImportReport> {
      const query = new URLSearchParams({
        // the server accepts names up to 200 characters
        fileName: options.fileName.slice(0, 200),
        dryRun: String(options.dryRun),
        allOrNothing: String(options.allOrNothing),
      });
      return request(`/imports/measurements?${query}`, { method: "POST", rawBody: file });
    },
  };
}
