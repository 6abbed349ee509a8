import type { SyncOp } from "@tumbuh/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { uuidv7 } from "../util/ids";
import { dependencyOrder } from "./batch-order";

const op = (kind: SyncOp["kind"], entityId: string, payload: Record<string, unknown> = {}): SyncOp => ({
  opId: uuidv7(),
  entity: "person",
  entityId,
  kind,
  payload,
});

describe("dependencyOrder", () => {
  it("puts a mother before her child and a child before its measurement, whatever order they came in", () => {
    const [mother, child, m] = [uuidv7(), uuidv7(), uuidv7()];
    const ops = [
      op("append", m, { personId: child, measuredOn: "2026-01-01" }),
      op("create", child, { motherId: mother, name: "Anak" }),
      op("create", mother, { name: "Ibu" }),
    ];
    expect(dependencyOrder(ops)).toEqual([2, 1, 0]);
  });

  it("keeps the device's order for independent ops and puts an edit after the create of its record", () => {
    const [a, b] = [uuidv7(), uuidv7()];
    const ops = [op("update", a, { name: "x" }), op("create", b), op("create", a)];
    expect(dependencyOrder(ops)).toEqual([1, 2, 0]);
  });

  it("is a permutation in which every create comes before the ops that name its record (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.nat(), { maxLength: 24 }), (n, picks) => {
        const ids = Array.from({ length: n }, () => uuidv7());
        const ops = ids.map((id, i) => op("create", id, i > 0 ? { ref: ids[(picks[i] ?? 0) % i] } : {}));
        const shuffled = [...ops].sort((x, y) => (picks[ops.indexOf(x)] ?? 0) - (picks[ops.indexOf(y)] ?? 0));
        const order = dependencyOrder(shuffled);
        expect([...order].sort((x, y) => x - y)).toEqual(shuffled.map((_, i) => i));
        const at = new Map(order.map((idx, pos) => [shuffled[idx]?.entityId, pos]));
        for (const o of shuffled) {
          const ref = o.payload.ref as string | undefined;
          if (ref) expect(at.get(ref)).toBeLessThan(at.get(o.entityId) ?? -1);
        }
      }),
    );
  });
});
