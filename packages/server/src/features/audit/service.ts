// The audit feature as other features meet it: every write appends its audit row inside its own transaction.
export { appendAudit, listAudit } from "./repository";
export { voidAudited } from "./void";
