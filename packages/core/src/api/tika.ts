import { z } from "zod";
import { AnyPeriod } from "../period";
import { ChildTikaViewSchema, TikaCountsViewSchema, TikaReadingInput } from "../tika/schemas";
import { CodeParams, FileDownload, IdParams } from "./common";
import { endpoint } from "./endpoint";

/** Tika pertumbuhan (PALI 64/2021 Pasal 30 huruf a, 40 ayat (2) d–f, (4)): readings and their counts. */
export const tikaApi = {
  record: endpoint({
    method: "POST",
    path: "/api/tika-readings",
    tag: "tika",
    summary: "Record a reading off the growth mat (band, who, when) for a child 0–23 months",
    status: 201,
    body: TikaReadingInput,
    response: ChildTikaViewSchema,
  }),
  child: endpoint({
    method: "GET",
    path: "/api/persons/:id/tika",
    tag: "tika",
    summary: "A child's readings, the band of its latest length, and which one is shown",
    params: IdParams,
    response: ChildTikaViewSchema,
  }),
  counts: endpoint({
    method: "GET",
    path: "/api/regions/:code/tika",
    tag: "tika",
    summary: "Children 0–23 months terindikasi / berisiko / tidak stunting by tika, per area one level down",
    params: CodeParams,
    query: z.strictObject({ period: AnyPeriod }),
    response: TikaCountsViewSchema,
  }),
  /** Audited download of the same counts. */
  export: endpoint({
    method: "GET",
    path: "/api/regions/:code/tika/export",
    tag: "tika",
    params: CodeParams,
    query: z.strictObject({ period: AnyPeriod, format: z.enum(["csv"]) }),
    kind: "file",
    response: FileDownload,
  }),
};
