import type { SyncOp } from "@tumbuh/core";

/** Every string anywhere in a payload (ids of referenced records are strings: motherId, personId, …). */
function stringsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === "object")
    for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/**
 * The order to apply a device's batch in: an op that creates a record goes before every other op of the
 * batch that names it — by its own entity id (an edit of it) or anywhere in its payload (a child's
 * `motherId`, a measurement's `personId`, a screening's `catinId`). No entity's field list is needed: ids
 * are UUIDs, so a payload string equal to a created id is a reference to it. Otherwise the device's order
 * is kept (stable), and ops caught in a cycle keep their order. Returns indexes into `ops`.
 */
export function dependencyOrder(ops: readonly SyncOp[]): number[] {
  const creator = new Map<string, number>();
  ops.forEach((op, i) => {
    if (op.kind === "create" && !creator.has(op.entityId)) creator.set(op.entityId, i);
  });
  const needs: number[][] = ops.map(() => []);
  const waiting = ops.map(() => 0);
  ops.forEach((op, i) => {
    const refs = stringsIn(op.payload, new Set());
    refs.add(op.entityId);
    for (const id of refs) {
      const c = creator.get(id);
      if (c === undefined || c === i) continue;
      needs[c]?.push(i);
      waiting[i] = (waiting[i] ?? 0) + 1;
    }
  });
  const order: number[] = [];
  const done = new Set<number>();
  // Kahn's algorithm, always taking the earliest ready op, so independent ops keep the device's order.
  while (order.length < ops.length) {
    let next = -1;
    for (let i = 0; i < ops.length; i++) {
      if (!done.has(i) && waiting[i] === 0) {
        next = i;
        break;
      }
    }
    // A cycle (two records naming each other): take the earliest left, as the device sent it.
    if (next === -1) next = ops.findIndex((_, i) => !done.has(i));
    done.add(next);
    order.push(next);
    for (const j of needs[next] ?? []) waiting[j] = (waiting[j] ?? 0) - 1;
  }
  return order;
}
