import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";
import { uuidv7 } from "../util/ids";

const P01 = "64.01.05.2003.P01";
const DEVICES = ["kader.melati", "bidan.sandeley", "kpm.sandeley"] as const;

interface Op {
  opId: string;
  entity: string;
  entityId: string;
  kind: string;
  baseRevision?: number;
  payload: Record<string, unknown>;
}

/**
 * What several devices did offline: each registers children and weighs them (its own days, so two devices
 * never weigh one child on the same day), records a service for each of its children and for the shared
 * child (issue 6 appends), and each may rename the one shared child from revision 1.
 */
function deviceOps(
  plan: { children: number; weighings: number; rename: boolean }[],
  shared: string,
  run: number,
) {
  return plan.map((p, d) => {
    const ops: Op[] = [];
    for (let c = 0; c < p.children; c++) {
      const id = uuidv7();
      ops.push({
        opId: uuidv7(),
        entity: "person",
        entityId: id,
        kind: "create",
        payload: { regionCode: P01, name: `Anak ${run}-${d}-${c}`, sex: 1, birthDate: "2025-01-01" },
      });
      for (let w = 0; w < p.weighings; w++) {
        ops.push({
          opId: uuidv7(),
          entity: "measurement",
          entityId: uuidv7(),
          kind: "append",
          payload: {
            personId: id,
            measuredOn: `2025-${String(w + 2).padStart(2, "0")}-1${d}`,
            weightKg: 5 + w,
          },
        });
      }
      ops.push(serviceOp(id, d));
    }
    if (p.children > 0) ops.push(serviceOp(shared, d));
    for (let w = 0; w < p.weighings; w++) {
      ops.push({
        opId: uuidv7(),
        entity: "measurement",
        entityId: uuidv7(),
        kind: "append",
        payload: {
          personId: shared,
          measuredOn: `2025-${String(w + 2).padStart(2, "0")}-2${d}`,
          weightKg: 6 + w,
        },
      });
    }
    if (p.rename)
      ops.push({
        opId: uuidv7(),
        entity: "person",
        entityId: shared,
        kind: "update",
        baseRevision: 1,
        payload: { name: `Nama dari ${d}` },
      });
    return ops;
  });
}

const serviceOp = (personId: string, d: number): Op => ({
  opId: uuidv7(),
  entity: "service_record",
  entityId: uuidv7(),
  kind: "append",
  payload: { personId, service: "konseling_gizi", givenOn: `2025-03-0${d + 1}` },
});

describeEachDialect(
  "sync converges under any interleaving, duplication and reordering of pushes",
  (db, dialect) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeAll(async () => {
      api = await testApi(db());
    });
    afterAll(async () => api.app.close());

    const push = async (as: string, ops: Op[]) => {
      const res = await api.request(as, { method: "POST", url: "/api/sync/push", payload: { ops } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as { opId: string; status: string }[];
    };

    it("every op takes effect exactly once, every rename is applied or kept as a conflict", async () => {
      let run = 0;
      const plan = fc.array(
        fc.record({
          children: fc.integer({ min: 0, max: 2 }),
          weighings: fc.integer({ min: 0, max: 3 }),
          rename: fc.boolean(),
        }),
        { minLength: DEVICES.length, maxLength: DEVICES.length },
      );
      // A delivery: batches (device, slice of its ops) in any order, some sent twice.
      const delivery = fc.array(
        fc.tuple(fc.nat(DEVICES.length - 1), fc.nat(20), fc.integer({ min: 1, max: 4 })),
        { maxLength: 12 },
      );
      await fc.assert(
        fc.asyncProperty(plan, delivery, async (p, deliveries) => {
          run++;
          const shared = uuidv7();
          const seed = await push("kpm.sandeley", [
            {
              opId: uuidv7(),
              entity: "person",
              entityId: shared,
              kind: "create",
              payload: { regionCode: P01, name: `Bersama ${run}`, sex: 2, birthDate: "2025-01-01" },
            },
          ]);
          expect(seed[0]?.status).toBe("applied");
          const ops = deviceOps(p, shared, run);
          for (const [d, from, len] of deliveries) {
            const slice = (ops[d] ?? []).slice(from, from + len);
            if (slice.length > 0) await push(DEVICES[d] as string, [...slice].reverse());
          }
          // Then each device drains its outbox in order, as the PWA does, until nothing asks to be retried.
          for (let d = 0; d < DEVICES.length; d++) {
            const mine = ops[d] ?? [];
            for (let round = 0; round < 3 && mine.length > 0; round++) {
              const results = await push(DEVICES[d] as string, mine);
              if (results.every((r) => r.status !== "retry")) break;
            }
          }
          const all = ops.flat();
          const k = db().kysely;
          const opRows = await k
            .selectFrom("sync_ops")
            .select(["op_id", "status"])
            .where("op_id", "in", all.length ? all.map((o) => o.opId) : [""])
            .execute();
          expect(opRows).toHaveLength(all.length);
          expect(opRows.every((r) => r.status === "applied" || r.status === "conflict")).toBe(true);
          const childIds = all.filter((o) => o.kind === "create").map((o) => o.entityId);
          const persons = childIds.length
            ? await k.selectFrom("persons").select("id").where("id", "in", childIds).execute()
            : [];
          expect(persons).toHaveLength(childIds.length);
          const appends = all.filter((o) => o.entity === "measurement");
          const rows = appends.length
            ? await k
                .selectFrom("measurements")
                .select(["id", "weight_kg"])
                .where(
                  "id",
                  "in",
                  appends.map((o) => o.entityId),
                )
                .execute()
            : [];
          expect(rows).toHaveLength(appends.length);
          // Service records: each stored once however often and in whatever order it was delivered.
          const services = all.filter((o) => o.entity === "service_record").map((o) => o.entityId);
          const stored = services.length
            ? await k.selectFrom("service_records").select("id").where("id", "in", services).execute()
            : [];
          expect(stored.map((r) => r.id).sort()).toEqual([...services].sort());
          const renames = all.filter((o) => o.kind === "update").map((o) => o.payload.name as string);
          const person = await k
            .selectFrom("persons")
            .select(["name", "revision"])
            .where("id", "=", shared)
            .executeTakeFirstOrThrow();
          const conflicts = await k
            .selectFrom("sync_conflicts")
            .select("mine_json")
            .where("entity_id", "=", shared)
            .execute();
          const kept = conflicts.map((c) => JSON.parse(c.mine_json).name as string);
          // Exactly one rename won (the first to arrive), every other one is a conflict: none lost, none twice.
          expect(person.revision).toBe(renames.length > 0 ? 2 : 1);
          expect([...(renames.length ? [person.name] : []), ...kept].sort()).toEqual([...renames].sort());
        }),
        { numRuns: dialect === "sqlite" ? 40 : 12 },
      );
    }, 240_000);
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
