// What to say when saving fails: offline, someone else changed the record, or a field the server
// refused. Pure, so the mapping is unit-tested.
import { isApiError } from "../../api/client";
import { generalErrorKey } from "../../api/errorMessages";
import type { MessageKey } from "../../i18n/messages";
import type { FieldErrors } from "./fieldErrors";

export interface SubmitFailure {
  /** The message shown above the submit button. */
  message: MessageKey;
  /** Messages next to fields the server named. */
  fields: FieldErrors;
}

/** Field-specific messages for server validation errors; anything else is "Isian tidak valid". */
const SERVER_FIELD_MESSAGE: Record<string, MessageKey> = {
  nik: "v.nikServer",
  kkNumber: "v.kk",
};

export function submitFailure(error: unknown, rename: Record<string, string> = {}): SubmitFailure {
  if (!isApiError(error)) return { message: "error.unknown", fields: {} };
  if (error.code === "network") return { message: "reg.offlineWrite", fields: {} };
  // the server answers a NIK held by another person with 409 conflict on the field "nik"; a 409 conflict
  // without a field is a stale revision (someone else saved first)
  if (error.status === 409 && error.field === "nik") {
    return { message: "reg.fixErrors", fields: { nik: { key: "v.nikTaken" } } };
  }
  if (error.status === 409 && error.code === "conflict") return { message: "reg.conflict", fields: {} };
  if ((error.status === 400 || error.status === 422) && error.field) {
    const field = rename[error.field] ?? error.field;
    return {
      message: "reg.fixErrors",
      fields: { [field]: { key: SERVER_FIELD_MESSAGE[error.field] ?? "v.invalid" } },
    };
  }
  return { message: generalErrorKey(error), fields: {} };
}
