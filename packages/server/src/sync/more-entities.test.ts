import {
  AuditFollowUpSyncData,
  addDays,
  CaseAuditSyncData,
  CatinScreeningSyncData,
  CatinSyncData,
  FamilyScreeningSyncData,
  TpkVisitSyncData,
  todayIso,
} from "@tumbuh/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";
import { uuidv7 } from "../util/ids";

// Issue 6 and 8 records through the offline sync: service records, family screenings, catin and catin
// screenings, TPK visits, case audits and follow-ups. Each push applies once, a replay writes nothing,
// a device that cannot see the record's region cannot write it, and pull delivers each only in scope.
describeEachDialect(
  "offline sync of service records and the families records",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const today = todayIso();
    const DESA = "64.01.05.2003";
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const push = async (as: string, ops: object[]) => {
      const res = await api.request(as, { method: "POST", url: "/api/sync/push", payload: { ops } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as { status: string; replayed?: boolean; error?: { code: string } }[];
    };
    const pull = async (as: string, cursor?: string) => {
      const q = new URLSearchParams({ limit: "5000", ...(cursor ? { cursor } : {}) });
      const res = await api.request(as, { method: "GET", url: `/api/sync/pull?${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { cursor: string; records: { entity: string; id: string; data?: object }[] };
    };
    const op = (entity: string, kind: string, payload: object, entityId = uuidv7()) => ({
      opId: uuidv7(),
      entity,
      entityId,
      kind,
      payload,
    });
    const count = async (table: "service_records" | "tpk_visits" | "family_screenings", id: string) =>
      (await db().kysely.selectFrom(table).select("id").where("id", "=", id).execute()).length;
    let householdId: string;
    let childId: string;
    let assignmentId: string;
    let teamId: string;

    beforeAll(async () => {
      api = await testApi(db());
      // The desa's registry and its TPK team, made online (team administration stays online).
      const hh = await post("kpm.sandeley", "/api/households", {
        regionCode: `${DESA}.D01`,
        headName: "Sulaiman",
        address: "RT 4 Sandeley",
        waterSource: "sumur_tak_terlindung",
        latrineType: "cemplung",
      });
      expect(hh.statusCode, hh.body).toBe(201);
      householdId = hh.json().id;
      const child = await post("kpm.sandeley", "/api/persons", {
        regionCode: DESA,
        householdId,
        name: "Putri Sinkron",
        sex: 2,
        birthDate: addDays(today, -400),
      });
      childId = child.json().person.id;
      teamId = uuidv7();
      expect(
        (await post("desa.sandeley", "/api/tpk-teams", { id: teamId, regionCode: DESA, name: "TPK Sinkron" }))
          .statusCode,
      ).toBe(201);
      const memberId = uuidv7();
      await post("desa.sandeley", `/api/tpk-teams/${teamId}/members`, {
        id: memberId,
        name: "Ibu Ani",
        role: "pkk",
      });
      assignmentId = uuidv7();
      const a = await post("desa.sandeley", "/api/tpk-assignments", {
        id: assignmentId,
        memberId,
        subjectKind: "keluarga",
        subjectId: householdId,
        firstDueOn: today,
      });
      expect(a.statusCode, a.body).toBe(201);
    });
    afterAll(async () => api.app.close());

    it("each new entity applies once through its service, audited; a replayed batch writes nothing", async () => {
      const start = await pull("kpm.sandeley");
      const catinId = uuidv7();
      const auditId = uuidv7();
      const recId = uuidv7();
      const ops = [
        op("service_record", "append", {
          personId: childId,
          service: "imunisasi",
          detail: "dpt1",
          givenOn: today,
        }),
        op("family_screening", "append", {
          householdId,
          screenedOn: today,
          observed: { foodAdequate: false },
        }),
        op(
          "catin",
          "create",
          {
            id: catinId,
            person: { regionCode: DESA, name: "Rina Catin", sex: 2, birthDate: addDays(today, -22 * 366) },
            partnerName: "Budi",
            marriageDate: addDays(today, 120),
          },
          catinId,
        ),
        op("catin_screening", "append", {
          catinId,
          screenedOn: today,
          weightKg: 48,
          heightCm: 152,
          muacCm: 22,
        }),
        op("tpk_visit", "append", { assignmentId, visitedOn: today, counselling: "Air minum dimasak" }),
        op(
          "case_audit",
          "create",
          {
            childId,
            auditedOn: today,
            team: "Tim pakar kecamatan",
            findings: { pemberian_makan: "MP-ASI kurang" },
            recommendations: [
              {
                id: recId,
                domain: "pemberian_makan",
                text: "Kelas MP-ASI",
                ownerTeamId: teamId,
                dueOn: addDays(today, 14),
              },
            ],
          },
          auditId,
        ),
        op("audit_followup", "append", { recommendationId: recId, on: today, status: "berjalan" }),
      ];
      const first = await push("kpm.sandeley", ops);
      expect(first.map((r) => r.status)).toEqual(ops.map(() => "applied"));
      const again = await push("kpm.sandeley", ops);
      expect(again.every((r) => r.status === "applied" && r.replayed)).toBe(true);

      const k = db().kysely;
      const ids = ops.map((o) => o.entityId);
      const rows = await Promise.all([
        k
          .selectFrom("service_records")
          .select("id")
          .where("id", "=", ids[0] as string)
          .execute(),
        k
          .selectFrom("family_screenings")
          .select("id")
          .where("id", "=", ids[1] as string)
          .execute(),
        k
          .selectFrom("catin")
          .select("id")
          .where("id", "=", ids[2] as string)
          .execute(),
        k
          .selectFrom("catin_screenings")
          .select("id")
          .where("id", "=", ids[3] as string)
          .execute(),
        k
          .selectFrom("tpk_visits")
          .select("id")
          .where("id", "=", ids[4] as string)
          .execute(),
        k
          .selectFrom("case_audits")
          .select("id")
          .where("id", "=", ids[5] as string)
          .execute(),
        k
          .selectFrom("audit_followups")
          .select("id")
          .where("id", "=", ids[6] as string)
          .execute(),
      ]);
      expect(rows.map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
      // One catin person only, despite the replay.
      expect(
        await k.selectFrom("persons").select("id").where("name", "=", "Rina Catin").execute(),
      ).toHaveLength(1);
      const audited = await k
        .selectFrom("audit_log")
        .select("action")
        .where("entity_id", "in", ids)
        .execute();
      expect(audited.map((a) => a.action).sort()).toEqual(
        [
          "case_audit.create",
          "catin.create",
          "catin_screening.create",
          "family_screening.create",
          "service.record",
          "tpk_visit.create",
        ].sort(),
      );
      // The follow-up is audited on its recommendation.
      expect(
        await k
          .selectFrom("audit_log")
          .select("action")
          .where("action", "=", "audit_followup.create")
          .where("entity_id", "=", recId)
          .execute(),
      ).toHaveLength(1);

      // Pull: the KPM's other phone receives every record (the case audit with its recommendation ids).
      const since = await pull("kpm.sandeley", start.cursor);
      const got = new Map(since.records.map((r) => [r.id, r]));
      for (const [i, entity] of ops.map((o) => o.entity).entries()) {
        expect(got.get(ids[i] as string)?.entity, entity).toBe(entity);
      }
      expect(got.get(ids[0] as string)?.data).toMatchObject({
        personId: childId,
        service: "imunisasi",
        received: true,
      });
      expect(got.get(auditId)?.data).toMatchObject({ recommendations: [{ id: recId, ownerTeamId: teamId }] });
      // Each issue-8 record carries exactly core's sync data of its entity (no field more, none missing).
      const shapes: Record<string, z.ZodObject> = {
        family_screening: FamilyScreeningSyncData,
        catin: CatinSyncData,
        catin_screening: CatinScreeningSyncData,
        tpk_visit: TpkVisitSyncData,
        case_audit: CaseAuditSyncData,
        audit_followup: AuditFollowUpSyncData,
      };
      const checked = new Set<string>();
      for (const r of since.records) {
        const shape = shapes[r.entity];
        if (!shape) continue;
        const parsed = shape.strict().safeParse(r.data);
        expect(parsed.error, r.entity).toBeUndefined();
        checked.add(r.entity);
      }
      expect([...checked].sort()).toEqual(Object.keys(shapes).sort());
      // The kader of Posyandu Melati works under the desa, not above it: none of it reaches her phone.
      const kader = await pull("kader.melati", start.cursor);
      expect(kader.records.filter((r) => ids.includes(r.id))).toEqual([]);
      expect(JSON.stringify(kader)).not.toContain("Rina Catin");
    });

    it("a record is written once though sent by two phones, and out of scope or read-only writes nothing", async () => {
      const visitId = uuidv7();
      const visit = { assignmentId, visitedOn: today, socialProgramme: "PKH", socialOutcome: "diajukan" };
      const [a] = await push("kpm.sandeley", [op("tpk_visit", "append", visit, visitId)]);
      const [b] = await push("bidan.sandeley", [op("tpk_visit", "append", visit, visitId)]);
      expect([a?.status, b?.status]).toEqual(["applied", "applied"]);
      expect(await count("tpk_visits", visitId)).toBe(1);

      // Posyandu Melati's kader cannot see the desa's child, household or team: 404 → kept on her phone as
      // "retry" (404 is also "not arrived yet"), and nothing is written.
      const svc = uuidv7();
      const fam = uuidv7();
      const vis = uuidv7();
      const out = await push("kader.melati", [
        op("service_record", "append", { personId: childId, service: "konseling_gizi", givenOn: today }, svc),
        op("family_screening", "append", { householdId, screenedOn: today, observed: {} }, fam),
        op("tpk_visit", "append", { assignmentId, visitedOn: today }, vis),
      ]);
      expect(out.map((r) => [r.status, r.error?.code])).toEqual([
        ["retry", "not_found"],
        ["retry", "not_found"],
        ["retry", "not_found"],
      ]);
      expect([
        await count("service_records", svc),
        await count("family_screenings", fam),
        await count("tpk_visits", vis),
      ]).toEqual([0, 0, 0]);
      // The read-only viewer sees the desa but may not write: refused for good.
      const viewer = await push("peninjau", [
        op("service_record", "append", { personId: childId, service: "konseling_gizi", givenOn: today }, svc),
        op("tpk_visit", "append", { assignmentId, visitedOn: today }, vis),
      ]);
      expect(viewer.map((r) => [r.status, r.error?.code])).toEqual([
        ["rejected", "forbidden"],
        ["rejected", "forbidden"],
      ]);
      expect([await count("service_records", svc), await count("tpk_visits", vis)]).toEqual([0, 0]);
      // A bad value is refused naming the field.
      const [bad] = await push("kpm.sandeley", [
        op("service_record", "append", { personId: childId, service: "imunisasi", givenOn: today }),
      ]);
      expect(bad).toMatchObject({
        status: "rejected",
        error: { code: "validation", field: "payload.detail" },
      });
    });

    it("a service correction supersedes through sync; an online record made meanwhile reaches the phone", async () => {
      const start = await pull("bidan.sandeley");
      const first = uuidv7();
      const fix = uuidv7();
      const res = await push("bidan.sandeley", [
        op(
          "service_record",
          "append",
          { personId: childId, service: "jkn", givenOn: today, received: true },
          first,
        ),
        op(
          "service_record",
          "append",
          { personId: childId, service: "jkn", givenOn: today, received: false, supersedes: first },
          fix,
        ),
      ]);
      expect(res.map((r) => r.status)).toEqual(["applied", "applied"]);
      const online = await post("kpm.sandeley", "/api/service-records", {
        id: uuidv7(),
        personId: childId,
        service: "kunjungan_rumah",
        givenOn: today,
      });
      expect(online.statusCode, online.body).toBe(201);
      const since = await pull("bidan.sandeley", start.cursor);
      const services = since.records.filter((r) => r.entity === "service_record");
      expect(services.map((r) => r.id)).toEqual([first, fix, online.json().id]);
      expect(services[1]?.data).toMatchObject({ supersedes: first, received: false });
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
