import { z } from "zod";
import { Period } from "../indicators/periods";
import { SATU_DATA_DATASETS } from "../satu-data/datasets";
import { FileDownload } from "./common";
import { endpoint } from "./endpoint";

const slugs = SATU_DATA_DATASETS.map((d) => d.slug) as [string, ...string[]];

/** One file of a Satu Data dataset: the CSV (`data`) or its MS-Ind metadata JSON (`metadata`). */
export const SatuDataQuery = z.strictObject({
  region: z.string().min(1).max(40),
  period: Period,
  dataset: z.enum(slugs),
  part: z.enum(["data", "metadata"]).default("data"),
});
export type SatuDataQuery = z.infer<typeof SatuDataQuery>;

export const satuDataApi = {
  /**
   * Audited. Signed-in users, for a region they may read: the files are prepared by the regency's data
   * officers (Walidata) who upload them to the portal; Tumbuh itself publishes only the yearly public page.
   */
  download: endpoint({
    method: "GET",
    path: "/api/satu-data/export",
    tag: "satu-data",
    query: SatuDataQuery,
    kind: "file",
    response: FileDownload,
  }),
};
