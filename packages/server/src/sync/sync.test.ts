import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";
import { uuidv7 } from "../util/ids";

const P01 = "64.01.05.2003.P01";

describeEachDialect(
  "offline sync through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const push = (as: string, ops: object[]) =>
      api.request(as, { method: "POST", url: "/api/sync/push", payload: { ops } });
    const pull = async (as: string, cursor?: string, limit = 2000) => {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await api.request(as, { method: "GET", url: `/api/sync/pull?${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const childOp = (id: string, name: string) => ({
      opId: uuidv7(),
      entity: "person",
      entityId: id,
      kind: "create",
      payload: { regionCode: P01, name, sex: 1, birthDate: "2025-03-01" },
    });
    const weighOp = (personId: string, day: string, weightKg: number) => ({
      opId: uuidv7(),
      entity: "measurement",
      entityId: uuidv7(),
      kind: "append",
      payload: { personId, measuredOn: day, weightKg, lenheiCm: 75, measure: "l" },
    });

    beforeAll(async () => {
      api = await testApi(db());
    });
    afterAll(async () => api.app.close());

    it("applies a batch once: a replayed batch changes nothing and answers the same", async () => {
      const child = uuidv7();
      const ops = [
        childOp(child, "Bima Sakti"),
        weighOp(child, "2026-01-10", 8.4),
        weighOp(child, "2026-02-10", 8.9),
      ];
      const first = await push("kader.melati", ops);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().results.map((r: { status: string }) => r.status)).toEqual([
        "applied",
        "applied",
        "applied",
      ]);
      const again = await push("kader.melati", [...ops].reverse());
      expect(again.json().results.every((r: { replayed: boolean }) => r.replayed)).toBe(true);
      const k = db().kysely;
      expect(
        await k.selectFrom("persons").select("id").where("name", "=", "Bima Sakti").execute(),
      ).toHaveLength(1);
      expect(
        await k.selectFrom("measurements").select("id").where("person_id", "=", child).execute(),
      ).toHaveLength(2);
      // Written through the feature service: audited like any other write.
      const audit = await k.selectFrom("audit_log").select("action").where("entity_id", "=", child).execute();
      expect(audit.map((a) => a.action)).toEqual(["person.create"]);
    });

    it("reports each op on its own: a bad value is refused naming the field, an unknown child is retried later", async () => {
      const res = await push("kader.melati", [
        {
          ...weighOp(uuidv7(), "2026-01-10", 8),
          payload: { personId: uuidv7(), measuredOn: "2026-01-10", weightKg: -3 },
        },
        weighOp(uuidv7(), "2026-01-10", 8),
        childOp(uuidv7(), "Candra"),
      ]);
      const [bad, missing, ok] = res.json().results;
      expect(bad).toMatchObject({
        status: "rejected",
        error: { code: "validation", field: "payload.weightKg" },
      });
      expect(missing).toMatchObject({ status: "retry", error: { code: "not_found" } });
      expect(ok.status).toBe("applied");
    });

    it("a read-only viewer's ops are refused (403), not applied", async () => {
      const res = await push("peninjau", [childOp(uuidv7(), "Dilarang")]);
      expect(res.json().results[0]).toMatchObject({ status: "rejected", error: { code: "forbidden" } });
    });

    it("pull sends every write in scope — sync, online API — once per record, paged, and nothing out of scope", async () => {
      const start = await pull("kader.melati");
      const online = await api.request("kader.melati", {
        method: "POST",
        url: "/api/persons",
        payload: { regionCode: P01, name: "Dewi Online", sex: 2, birthDate: "2025-05-05", nik: null },
      });
      expect(online.statusCode, online.body).toBe(201);
      // A KPM registers someone at the desa: the kader of Posyandu Melati must not receive it.
      const desa = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/persons",
        payload: { regionCode: "64.01.05.2003", name: "Ibu Desa", sex: 2, birthDate: "1995-05-05" },
      });
      expect(desa.statusCode).toBe(201);
      const since = await pull("kader.melati", start.cursor);
      expect(since.records.map((r: { data: { name: string } }) => r.data.name)).toEqual(["Dewi Online"]);
      expect(JSON.stringify(since)).not.toContain("Ibu Desa");
      // Paging one change at a time reaches the same records.
      let cursor: string | undefined;
      const seen = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const page = await pull("kader.melati", cursor, 1);
        for (const r of page.records) seen.add(r.id);
        cursor = page.cursor;
        if (!page.more) break;
      }
      const all = await pull("kader.melati");
      expect([...seen].sort()).toEqual([...new Set(all.records.map((r: { id: string }) => r.id))].sort());
      expect(all.places.map((p: { code: string }) => p.code)).toEqual([P01]);
      // The kpm sees both, with NIK masked.
      const kpm = await pull("kpm.sandeley");
      expect(kpm.records.some((r: { data: { name: string } }) => r.data.name === "Ibu Desa")).toBe(true);
    });

    it("a stale edit becomes a conflict with both versions; a person resolves it, audited", async () => {
      const id = uuidv7();
      await push("kader.melati", [childOp(id, "Eka")]);
      const a = await push("kader.melati", [
        {
          opId: uuidv7(),
          entity: "person",
          entityId: id,
          kind: "update",
          baseRevision: 1,
          payload: { name: "Eka Saputra" },
        },
      ]);
      expect(a.json().results[0]).toMatchObject({ status: "applied", revision: 2 });
      const b = await push("bidan.sandeley", [
        {
          opId: uuidv7(),
          entity: "person",
          entityId: id,
          kind: "update",
          baseRevision: 1,
          payload: { name: "Eka Putra" },
        },
      ]);
      const result = b.json().results[0];
      expect(result.status).toBe("conflict");
      const list = await api.request("kader.melati", { method: "GET", url: "/api/sync/conflicts" });
      const [c] = list.json().conflicts;
      expect(c).toMatchObject({
        id: result.conflictId,
        mine: { name: "Eka Putra" },
        theirs: { name: "Eka Saputra" },
      });
      const res = await api.request("kpm.sandeley", {
        method: "POST",
        url: `/api/sync/conflicts/${c.id}/resolve`,
        payload: { choice: "mine" },
      });
      expect(res.statusCode, res.body).toBe(200);
      const p = await db()
        .kysely.selectFrom("persons")
        .select(["name", "revision"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(p).toEqual({ name: "Eka Putra", revision: 3 });
      const again = await api.request("kpm.sandeley", {
        method: "POST",
        url: `/api/sync/conflicts/${c.id}/resolve`,
        payload: { choice: "theirs" },
      });
      expect(again.statusCode).toBe(409);
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("entity_id", "=", id)
        .execute();
      expect(audit.map((x) => x.action)).toEqual(
        expect.arrayContaining(["sync.conflict", "sync.conflict.resolve", "person.update"]),
      );
    });

    it("a household, a woman and her pregnancy registered offline; a stale pregnancy edit is a conflict", async () => {
      const hh = uuidv7();
      const woman = uuidv7();
      const preg = uuidv7();
      const lmp = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
      const res = await push("bidan.sandeley", [
        {
          opId: uuidv7(),
          entity: "household",
          entityId: hh,
          kind: "create",
          payload: {
            regionCode: "64.01.05.2003.D01",
            address: "RT 2",
            waterSource: "ledeng",
            latrineType: "sendiri_septik",
          },
        },
        {
          opId: uuidv7(),
          entity: "person",
          entityId: woman,
          kind: "create",
          payload: {
            regionCode: "64.01.05.2003",
            householdId: hh,
            name: "Ibu Hamil",
            sex: 2,
            birthDate: "1999-02-02",
          },
        },
        {
          opId: uuidv7(),
          entity: "pregnancy",
          entityId: preg,
          kind: "create",
          payload: { personId: woman, lmpDate: lmp, gravida: 2, highRisk: false },
        },
        {
          opId: uuidv7(),
          entity: "pregnancy",
          entityId: preg,
          kind: "update",
          baseRevision: 1,
          payload: { muacCm: 22.5 },
        },
        {
          opId: uuidv7(),
          entity: "pregnancy",
          entityId: preg,
          kind: "update",
          baseRevision: 1,
          payload: { hbGdl: 10.2 },
        },
      ]);
      expect(res.json().results.map((r: { status: string }) => r.status)).toEqual([
        "applied",
        "applied",
        "applied",
        "applied",
        "conflict",
      ]);
      const p = await db()
        .kysely.selectFrom("pregnancies")
        .select(["muac_cm", "hb_g_dl", "revision"])
        .where("id", "=", preg)
        .executeTakeFirstOrThrow();
      expect(p).toEqual({ muac_cm: 22.5, hb_g_dl: null, revision: 2 });
      const pulled = await pull("bidan.sandeley");
      const ids = pulled.records.map((r: { id: string }) => r.id);
      expect(ids).toEqual(expect.arrayContaining([hh, woman, preg]));
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
