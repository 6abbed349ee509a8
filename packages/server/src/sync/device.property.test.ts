// The PWA's sync code (packages/web/src/sync, on fake-indexeddb) against this server in-process: the web
// API client's fetch is served by the app's inject(). It lives here, not in web, because it needs the
// server's test harness (fresh databases of both dialects, the demo seed, logins).
import { type SyncConflictView, syncApi } from "@tumbuh/core";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiClient, type FetchLike } from "../../../web/src/api/client";
import type { SyncApi } from "../../../web/src/sync/engine";
import { editPerson, recordMeasurement, registerPerson } from "../../../web/src/sync/outbox";
import { syncApiOf } from "../../../web/src/sync/server-api";
import { recordKey, view } from "../../../web/src/sync/store";
import { newDevice } from "../../../web/src/sync/testDevice";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";

const P01 = "64.01.05.2003.P01";
const DEVICE_USER = "kader.melati";
/** Works on the same children from the desk, online. */
const OTHER_USER = "bidan.sandeley";
const BIRTH = "2025-01-01";

/** What the device's network does to a request. */
interface Link {
  online: boolean;
  cookie: string;
  /** The server handles the next push, but its answer never reaches the device. */
  loseAnswer: boolean;
}

describeEachDialect(
  "the device's sync code against the real server",
  (db, dialect) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    /** The device user's session (logging in hashes a password: once is enough). */
    let session = "";
    beforeAll(async () => {
      api = await testApi(db());
      session = (await api.login(DEVICE_USER)).value;
    });
    afterAll(async () => api.app.close());

    /** A fetch for the web client, answered by the app in-process. */
    function fetchThrough(link: Link): FetchLike {
      return async (url, init) => {
        if (!link.online) throw new TypeError("fetch failed");
        const res = await api.app.inject({
          method: init.method as "GET" | "POST",
          url,
          headers: init.headers as Record<string, string>,
          ...(typeof init.body === "string" ? { payload: init.body } : {}),
          cookies: { tumbuh_session: link.cookie },
        });
        if (link.loseAnswer && url.startsWith("/api/sync/push") && res.statusCode === 200) {
          link.loseAnswer = false;
          throw new TypeError("fetch failed");
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
        return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers });
      };
    }

    async function connect() {
      const link: Link = { online: true, cookie: session, loseAnswer: false };
      const client = createApiClient({ fetch: fetchThrough(link), baseUrl: "/api" });
      // The seam the engine takes (the app passes its `api`).
      const sync: SyncApi = syncApiOf(client);
      return { link, client, sync };
    }

    const serverPerson = (id: string) =>
      db()
        .kysely.selectFrom("persons")
        .select(["revision", "name", "parent_name"])
        .where("id", "=", id)
        .executeTakeFirst();

    async function theyEdit(id: string, changes: Record<string, unknown>) {
      const now = await serverPerson(id);
      if (!now) return false;
      const res = await api.request(OTHER_USER, {
        method: "PATCH",
        url: `/api/persons/${id}`,
        payload: { ...changes, revision: now.revision },
      });
      expect(res.statusCode, res.body).toBe(200);
      return true;
    }

    /** Every record of the user's scope as a device that pulls from scratch gets it. */
    async function serverScope(sync: SyncApi) {
      const records = new Map<string, Record<string, unknown>>();
      let cursor: string | null = null;
      for (;;) {
        const page = await sync.syncPull(cursor);
        for (const r of page.records) {
          const key = recordKey(r.entity, r.id);
          const live = r.data && !r.gone && r.data.deleted !== true && !r.data.mergedInto;
          if (live) records.set(key, r.data as Record<string, unknown>);
          else records.delete(key);
        }
        cursor = page.cursor;
        if (!page.more) return records;
      }
    }

    it("a stale edit from the device is kept as a conflict, listed with both versions", async () => {
      const { sync, client } = await connect();
      const engine = newDevice(sync);
      try {
        const id = await registerPerson(engine, { regionCode: P01, name: "Eka", sex: 1, birthDate: BIRTH });
        await engine.syncNow();
        await editPerson(engine, id, { name: "Eka dari HP" });
        await theyEdit(id, { name: "Eka dari meja" });
        await engine.syncNow();
        expect(engine.snapshot).toMatchObject({ conflicts: 1, pending: 0, lastError: null });
        const rec = await engine.db.records.get(recordKey("person", id));
        expect(rec?.local).toBeUndefined();
        expect(rec?.data).toMatchObject({ name: "Eka dari meja", revision: 2 });
        const listed = (await client.call(syncApi.conflicts, { query: {} })).conflicts.filter(
          (c: SyncConflictView) => c.entityId === id,
        );
        expect(listed).toMatchObject([
          {
            baseRevision: 1,
            mine: { name: "Eka dari HP" },
            theirs: { name: "Eka dari meja" },
            resolvedAt: null,
          },
        ]);
      } finally {
        engine.db.close();
      }
    });

    it("an answer lost on the way back: the ops go again, the server answers from memory, nothing twice", async () => {
      const { sync, link } = await connect();
      const engine = newDevice(sync);
      try {
        const id = await registerPerson(engine, { regionCode: P01, name: "Fajar", sex: 1, birthDate: BIRTH });
        await recordMeasurement(engine, P01, { personId: id, measuredOn: "2025-02-01", weightKg: 4.1 });
        link.loseAnswer = true;
        await engine.syncNow();
        expect(engine.snapshot).toMatchObject({ lastError: "network", pending: 2 });
        await engine.syncNow();
        expect(engine.snapshot).toMatchObject({ lastError: null, pending: 0, rejected: 0 });
        const k = db().kysely;
        expect(await k.selectFrom("persons").select("id").where("id", "=", id).execute()).toHaveLength(1);
        expect(
          await k.selectFrom("measurements").select("id").where("person_id", "=", id).execute(),
        ).toHaveLength(1);
      } finally {
        engine.db.close();
      }
    });

    it("any mix of offline writes, lost answers, expired logins and edits from the desk converges", async () => {
      const step = fc.oneof(
        { arbitrary: fc.record({ do: fc.constant("register" as const), bad: fc.boolean() }), weight: 3 },
        {
          arbitrary: fc.record({
            do: fc.constant("edit" as const),
            who: fc.nat(4),
            field: fc.constantFrom("name", "parentName"),
            /** A sync runs while the edit is saved. */
            during: fc.boolean(),
            /** The desk edits the same child right after (a conflict once the device's edit arrives). */
            desk: fc.constantFrom(false, false, true),
          }),
          weight: 4,
        },
        {
          arbitrary: fc.record({ do: fc.constant("weigh" as const), who: fc.nat(4), day: fc.nat(2) }),
          weight: 3,
        },
        { arbitrary: fc.record({ do: fc.constant("theirEdit" as const), who: fc.nat(4) }), weight: 3 },
        {
          arbitrary: fc.record({ do: fc.constant("theirWeigh" as const), who: fc.nat(4), day: fc.nat(2) }),
          weight: 1,
        },
        { arbitrary: fc.record({ do: fc.constant("theirRegister" as const) }), weight: 1 },
        {
          arbitrary: fc.record({
            do: fc.constantFrom("offline", "online", "sync", "loseAnswer", "expire", "login"),
          }),
          weight: 5,
        },
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
          run++;
          const { sync, link, client } = await connect();
          const engine = newDevice(sync);
          try {
            const people: string[] = [];
            /**
             * The last value the device wrote in each field of a record (values are unique). An earlier
             * one may be replaced by a later edit before it leaves the device: folded, never sent.
             */
            const written = new Map<string, { id: string; value: string }>();
            let n = 0;
            const onDevice = async () => {
              const known = await engine.db.records.bulkGet(people.map((p) => recordKey("person", p)));
              return people.filter((_, i) => known[i] !== undefined);
            };
            /** What the device shows includes every change of its still in the outbox. */
            const showsWaiting = async () => {
              const ops = await engine.db.outbox.orderBy("seq").toArray();
              for (const key of new Set(ops.map((o) => recordKey(o.entity, o.entityId)))) {
                const rec = await engine.db.records.get(key);
                const waiting = ops
                  .filter((o) => recordKey(o.entity, o.entityId) === key)
                  .map((o) => o.payload);
                expect(rec && view(rec), key).toMatchObject(Object.assign({}, ...waiting));
              }
            };
            // As the day starts: the desk has registered two children and the device has their records.
            const start: typeof steps = [{ do: "theirRegister" }, { do: "theirRegister" }, { do: "sync" }];
            for (const s of [...start, ...steps]) {
              await showsWaiting();
              switch (s.do) {
                case "register": {
                  const name = s.bad ? " " : `Anak ${run}-${++n}`;
                  const id = await registerPerson(engine, {
                    regionCode: P01,
                    name,
                    sex: 1,
                    birthDate: BIRTH,
                  });
                  people.push(id);
                  break;
                }
                case "edit": {
                  const mine = await onDevice();
                  const id = mine[s.who % Math.max(mine.length, 1)];
                  if (!id) break;
                  const value = `Ubah ${run}-${++n}`;
                  written.set(`${id} ${s.field}`, { id, value });
                  const edit = editPerson(engine, id, { [s.field]: value });
                  await (s.during ? Promise.all([engine.syncNow(), edit]) : edit);
                  if (s.desk) await theyEdit(id, { name: `Meja ${run}-${++n}` });
                  break;
                }
                case "weigh": {
                  const mine = await onDevice();
                  const personId = mine[s.who % Math.max(mine.length, 1)];
                  if (personId)
                    await recordMeasurement(engine, P01, {
                      personId,
                      measuredOn: `2025-02-0${s.day + 1}`,
                      weightKg: 4 + s.day,
                    });
                  break;
                }
                case "theirEdit": {
                  const id = people[s.who % Math.max(people.length, 1)];
                  if (id) await theyEdit(id, { name: `Meja ${run}-${++n}` });
                  break;
                }
                case "theirWeigh": {
                  const personId = people[s.who % Math.max(people.length, 1)];
                  if (personId && (await serverPerson(personId))) {
                    const res = await api.request(OTHER_USER, {
                      method: "POST",
                      url: "/api/measurements",
                      payload: { personId, measuredOn: `2025-02-0${s.day + 1}`, weightKg: 5 },
                    });
                    expect([201, 409], res.body).toContain(res.statusCode);
                  }
                  break;
                }
                case "theirRegister": {
                  const res = await api.request(OTHER_USER, {
                    method: "POST",
                    url: "/api/persons",
                    payload: { regionCode: P01, name: `Meja ${run}-${++n}`, sex: 2, birthDate: BIRTH },
                  });
                  expect(res.statusCode, res.body).toBe(201);
                  people.push(res.json().person.id);
                  break;
                }
                case "offline":
                  link.online = false;
                  break;
                case "online":
                  link.online = true;
                  break;
                case "loseAnswer":
                  link.loseAnswer = true;
                  break;
                case "expire":
                  link.cookie = "expired";
                  break;
                case "login":
                  link.cookie = session;
                  break;
                case "sync":
                  await engine.syncNow();
                  if (link.cookie === "expired" && link.online)
                    expect(engine.snapshot.loginExpired).toBe(true);
                  break;
              }
            }
            link.online = true;
            link.loseAnswer = false;
            link.cookie = session;
            await engine.syncNow();
            expect(engine.snapshot).toMatchObject({ lastError: null, loginExpired: false, ready: true });

            // What stays in the outbox is only what must: refused ops, and ops about a child whose
            // registration was refused (the server cannot know that child: "retry").
            const left = await engine.db.outbox.toArray();
            const refusedChildren = new Set(
              left.filter((o) => o.kind === "create" && o.state === "rejected").map((o) => o.entityId),
            );
            for (const o of left) {
              const child = o.entity === "person" ? o.entityId : String(o.payload.personId);
              if (o.state === "pending") {
                expect(refusedChildren.has(child), JSON.stringify(o)).toBe(true);
                continue;
              }
              // Refused only for a reason the steps can cause: a blank name, a second weighing that day.
              if (o.entity === "person") expect(o.error?.field, JSON.stringify(o)).toBe("payload.name");
              else if (!refusedChildren.has(child))
                expect(o.error?.code, JSON.stringify(o)).toBe("already_measured");
            }
            // A refused op's record stays on the device, showing its values.
            await showsWaiting();

            // The device holds what the server holds; beyond that only the records of those ops.
            const server = await serverScope(sync);
            const device = await engine.db.records.toArray();
            const deviceByKey = new Map(device.map((r) => [r.key, r]));
            for (const [key, data] of server) expect(deviceByKey.get(key)?.data, key).toEqual(data);
            const waiting = new Set(left.map((o) => recordKey(o.entity, o.entityId)));
            for (const r of device) {
              if (server.has(r.key)) continue;
              expect(waiting.has(r.key), r.key).toBe(true);
              expect(r.data).toEqual({});
            }
            // A record shows a change of the device's only while an op of it is still in the outbox.
            for (const r of device)
              if (r.local)
                expect(
                  left.some((o) => o.entityId === r.id),
                  r.key,
                ).toBe(true);

            // No value the device wrote last is lost: it reached the record's history, or a conflict,
            // or is still in the outbox.
            const k = db().kysely;
            const ids = [...new Set([...written.values()].map((w) => w.id)), ""];
            const audit = await k
              .selectFrom("audit_log")
              .select(["entity_id", "after_json"])
              .where("entity", "=", "person")
              .where("entity_id", "in", ids)
              .execute();
            const conflicts = await k
              .selectFrom("sync_conflicts")
              .select(["id", "entity_id", "mine_json"])
              .where("entity_id", "in", ids)
              .execute();
            for (const { id, value } of written.values()) {
              const quoted = JSON.stringify(value);
              const kept =
                audit.some((a) => a.entity_id === id && a.after_json?.includes(quoted)) ||
                conflicts.some((c) => c.entity_id === id && c.mine_json.includes(quoted)) ||
                left.some((o) => o.entityId === id && JSON.stringify(o.payload).includes(quoted));
              expect(kept, `${value} on ${id}`).toBe(true);
            }
            // Every conflict the device was told of is stored, and listed for a person to resolve.
            expect(conflicts).toHaveLength(engine.snapshot.conflicts);
            const listed = new Set(
              (await client.call(syncApi.conflicts, { query: {} })).conflicts.map((c) => c.id),
            );
            for (const c of conflicts) expect(listed.has(c.id), c.id).toBe(true);
          } finally {
            engine.db.close();
          }
        }),
        { numRuns: dialect === "sqlite" ? 25 : 10 },
      );
    }, 120_000);
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
