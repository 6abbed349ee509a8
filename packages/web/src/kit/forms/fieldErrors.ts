// Zod issues of the shared request schemas → one Indonesian/English message per form field.
import type { MessageKey, MessageVars } from "../../i18n/messages";

export interface FieldError {
  key: MessageKey;
  vars?: MessageVars;
}
export type FieldErrors = Record<string, FieldError>;

/** The parts of a zod (v4) issue this mapping reads. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** The message for one issue; `value` is the submitted value of the field, to tell "missing" from "wrong". */
export function messageForIssue(issue: IssueLike, value: unknown): FieldError {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return isEmpty(value) ? { key: "v.required" } : { key: "v.invalid" };
      if (issue.origin === "number" && Number(issue.minimum) === 0 && issue.inclusive === false) {
        return { key: "v.positive" };
      }
      return { key: "v.min", vars: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "v.tooLong", vars: { max: Number(issue.maximum) } };
      return { key: "v.max", vars: { max: Number(issue.maximum) } };
    case "invalid_type":
      return isEmpty(value) ? { key: "v.required" } : { key: "v.invalid" };
    case "invalid_value":
    case "invalid_union":
      return { key: "v.choose" };
    case "custom":
      // the only refinement in the registry schemas is IsoDate
      return isEmpty(value) ? { key: "v.required" } : { key: "v.date" };
    default:
      return { key: "v.invalid" };
  }
}

/**
 * One message per top-level field (the first issue wins). `overrides` replace the message for a field
 * whatever the issue (e.g. kkNumber → "Nomor KK harus 16 angka"); `rename` maps a payload field to the
 * form field that shows it. Issues without a field are dropped: the form builds every payload key itself.
 */
export function issuesToFieldErrors(
  issues: readonly IssueLike[],
  payload: Record<string, unknown>,
  options: { overrides?: Record<string, MessageKey>; rename?: Record<string, string> } = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const first = issue.path[0];
    if (typeof first !== "string") continue;
    const field = options.rename?.[first] ?? first;
    if (errors[field]) continue;
    const override = options.overrides?.[first];
    const value = payload[first];
    errors[field] = override && !isEmpty(value) ? { key: override } : messageForIssue(issue, value);
  }
  return errors;
}
