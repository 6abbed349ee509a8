import { z } from "zod";

/**
 * Sends a data value set to a DHIS2 instance (POST /api/dataValueSets) with a personal access token
 * (DHIS2 Web API, "Personal Access Tokens": header `Authorization: ApiToken <token>`). The answer is DHIS2's
 * import summary: from 2.38 wrapped in a web message `{httpStatus, httpStatusCode, status, message,
 * response: ImportSummary}` (409 when it has conflicts), before that the ImportSummary itself (Web API,
 * "Sending bulks of data values" and "View asynchronous task summaries": responseType, status,
 * importCount {imported, updated, ignored, deleted}, conflicts [{object, value}]).
 */
export const ImportSummarySchema = z.object({
  responseType: z.string().optional(),
  status: z.enum(["SUCCESS", "WARNING", "ERROR", "OK"]),
  description: z.string().optional(),
  importCount: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    ignored: z.number().int(),
    deleted: z.number().int(),
  }),
  conflicts: z.array(z.object({ object: z.string(), value: z.string() })).optional(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

const WebMessage = z.object({ httpStatusCode: z.number().optional(), response: ImportSummarySchema });

export interface PushOptions {
  /** Base URL of the instance, e.g. https://dhis2.example.go.id (without /api). */
  url: string;
  token: string;
  contentType: string;
  idScheme: "UID" | "CODE";
  dryRun: boolean;
  fetch?: typeof fetch;
}

export async function pushDataValues(body: string, o: PushOptions): Promise<ImportSummary> {
  const url = new URL(`${o.url.replace(/\/+$/, "")}/api/dataValueSets`);
  url.searchParams.set("dryRun", String(o.dryRun));
  url.searchParams.set("idScheme", o.idScheme);
  url.searchParams.set("importStrategy", "CREATE_AND_UPDATE");
  const res = await (o.fetch ?? fetch)(url, {
    method: "POST",
    headers: {
      authorization: `ApiToken ${o.token}`,
      "content-type": o.contentType,
      accept: "application/json",
    },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`DHIS2 answered ${res.status} without an import summary: ${text.slice(0, 200)}`);
  }
  const wrapped = WebMessage.safeParse(json);
  if (wrapped.success) return wrapped.data.response;
  const plain = ImportSummarySchema.safeParse(json);
  if (plain.success) return plain.data;
  throw new Error(`DHIS2 answered ${res.status} without an import summary: ${text.slice(0, 200)}`);
}

/** One line a person can read: "SUCCESS: 96 imported, 0 updated, 0 ignored, 0 deleted". */
export function describeSummary(s: ImportSummary): string {
  const c = s.importCount;
  const head = `${s.status}: ${c.imported} imported, ${c.updated} updated, ${c.ignored} ignored, ${c.deleted} deleted`;
  const conflicts = (s.conflicts ?? []).slice(0, 20).map((k) => `  conflict ${k.object}: ${k.value}`);
  return [head, ...conflicts].join("\n");
}
