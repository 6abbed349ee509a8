// An audit entry in words ("menambah pengukuran"): the action's last part is the verb, the record kind
// its object. Pure; a kind or verb without words reads as "mencatat data", never as the raw code.
import type { MessageKey } from "../i18n/messages";

export const AUDIT_VERBS = [
  "create",
  "update",
  "end",
  "export",
  "import",
  "verify",
  "login",
  "logout",
  "merge",
  "merge_undo",
  "duplicate_dismiss",
  "password_change",
  "password_reset",
  "assignments",
  "resolve",
  "conflict",
  "target",
  "stage",
  "review",
  "rank",
  "outcome",
  "settings",
  "open",
  "measurements",
  "activate",
  "deactivate",
  // issue 17: a record voided by mistake, a person marked moved away or died, and that mark undone
  "void",
  "leave",
  "leave_undo",
] as const;
export type AuditVerb = (typeof AUDIT_VERBS)[number];

/** The kinds of record the log names, and the filter's "what" choices. */
export const AUDIT_THINGS = [
  "person",
  "household",
  "measurement",
  "pregnancy",
  "service_record",
  "posyandu_session",
  "family_screening",
  "catin",
  "catin_screening",
  "tpk_team",
  "tpk_member",
  "tpk_assignment",
  "tpk_visit",
  "tika_reading",
  "tika",
  "case_audit",
  "audit_recommendation",
  "planning_cycle",
  "planning_meeting",
  "planning_proposal",
  "planning_campaign",
  "planning_institution",
  "planning_kpm",
  "indicator_catalog",
  "indicator_value",
  "indicator_dashboard",
  "scorecard",
  "import",
  "region",
  "user",
  "session",
] as const;
export type AuditThing = (typeof AUDIT_THINGS)[number];

const isVerb = (v: string): v is AuditVerb => (AUDIT_VERBS as readonly string[]).includes(v);
const isThing = (v: string): v is AuditThing => (AUDIT_THINGS as readonly string[]).includes(v);

export function auditWords(entry: { action: string; entity: string }): {
  verb: MessageKey;
  thing: MessageKey;
} {
  const last = entry.action.split(".").at(-1) ?? "";
  return {
    verb: isVerb(last) ? `audit.verb.${last}` : "audit.verb.other",
    thing: isThing(entry.entity) ? `audit.thing.${entry.entity}` : "audit.thing.other",
  };
}
