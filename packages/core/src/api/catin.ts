import { CatinInput, CatinScreeningInput } from "../families/schemas";
import { CatinListSchema, CatinViewSchema } from "../families/views";
import { RecordVoidInput } from "../registry-schemas";
import { CodeParams, FileDownload, IdParams } from "./common";
import { endpoint } from "./endpoint";
import { SemesterQuery } from "./families";

/** Brides/grooms-to-be (catin, Paser Pasal 12(3)c, 13(1)a, 13(3)): registration, screenings, certificate. */
export const catinApi = {
  list: endpoint({
    method: "GET",
    path: "/api/regions/:code/catin",
    tag: "catin",
    summary: "Catin of a region and the semester's 'screened ≥ 3 months before marriage' coverage",
    params: CodeParams,
    query: SemesterQuery,
    response: CatinListSchema,
  }),
  register: endpoint({
    method: "POST",
    path: "/api/catin",
    tag: "catin",
    status: 201,
    body: CatinInput,
    response: CatinViewSchema,
  }),
  view: endpoint({
    method: "GET",
    path: "/api/catin/:id",
    tag: "catin",
    params: IdParams,
    response: CatinViewSchema,
  }),
  screen: endpoint({
    method: "POST",
    path: "/api/catin/:id/screenings",
    tag: "catin",
    status: 201,
    params: IdParams,
    body: CatinScreeningInput,
    response: CatinViewSchema,
  }),
  /** Void a screening recorded by mistake, with a reason (kept, audited, no certificate, out of every figure). */
  voidScreening: endpoint({
    method: "POST",
    path: "/api/catin-screenings/:id/void",
    tag: "catin",
    params: IdParams,
    body: RecordVoidInput.omit({ id: true }),
    response: CatinViewSchema,
  }),
  certificate: endpoint({
    method: "GET",
    path: "/api/catin-screenings/:id/certificate.pdf",
    tag: "catin",
    summary: "The screening certificate (PDF) for the marriage services",
    params: IdParams,
    kind: "file",
    response: FileDownload,
  }),
};
