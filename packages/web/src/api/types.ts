// Wire types of the shell's endpoints come from core's API contract (z.infer of the same schemas the server
// registers its routes with). Kept as one import point for the pages that use them.
import type { auditApi, ResultOf } from "@tumbuh/core";

export type {
  Ancestor,
  AuditEntry,
  Kind,
  Level,
  Me,
  MeAssignment as Assignment,
  RegionChild,
  RegionRow as Region,
  RegionView,
  Role,
} from "@tumbuh/core";
export { KINDS, LEVELS, ROLES } from "@tumbuh/core";
export type AuditPage = ResultOf<typeof auditApi.list>;

/** Body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
