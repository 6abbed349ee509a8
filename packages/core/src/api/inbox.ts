import { z } from "zod";
import { endpoint } from "./endpoint";

/**
 * The in-app inbox (issue 17): what needs the user's action now, from every source registered on the
 * server (server features/inbox/sources.ts). An item is data — its kind, the region, a count and the
 * values its sentence names — so the web words it in the user's language and links it to its page.
 */
export const INBOX_KINDS = ["two_t_children", "plan_review", "report_due", "report_missing"] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const InboxItemSchema = z.object({
  /** Stable per item, so the web can key and (later) mark it read. */
  id: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  count: z.number().int(),
  /** When it happened (ISO), or null for a standing state ("3 children are 2T this month"). */
  at: z.string().nullable(),
  /** What the sentence and the link name: a month "2026-06", a year, a decision code… */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const inboxApi = {
  list: endpoint({
    method: "GET",
    path: "/api/inbox",
    tag: "inbox",
    response: z.object({ items: z.array(InboxItemSchema) }),
  }),
};
