import { addDays, todayIso } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";
import { RECORD_CODES, recordCounts } from "../indicators/record-aggregates";

// Issue 17: a TPK visit, a family screening or a catin screening entered by mistake is voided with a
// reason — kept and shown struck, audited, refused to the viewer, 404 outside the area, idempotent from the
// phone — and from then on counted nowhere: lists, due dates, the family's risk, certificates, figures.
const today = todayIso();
const month = today.slice(0, 7);
const DESA = "64.01.05.2003";
let householdId: string;

async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const post = async (url: string, payload: object) => {
    const res = await api.request("kpm.sandeley", { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`seed ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  householdId = (
    await post("/api/households", {
      regionCode: `${DESA}.D01`,
      headName: "Rahmat",
      address: "RT 2 Sandeley",
      waterSource: "sumur_tak_terlindung",
      latrineType: "cemplung",
    })
  ).id;
  const mother = await post("/api/persons", {
    regionCode: DESA,
    householdId,
    name: "Wati",
    sex: 2,
    birthDate: addDays(today, -25 * 366),
  });
  // An under-five makes the household a target family, so its screening can say "at risk".
  await post("/api/persons", {
    regionCode: DESA,
    householdId,
    motherId: mother.person.id,
    name: "Nur",
    sex: 2,
    birthDate: addDays(today, -300),
  });
  await api.app.close();
}

describeEachDialect(
  "voiding a TPK visit, a family screening or a catin screening",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const created = async (res: Awaited<ReturnType<typeof post>>) => {
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const screenRahmat = async () => {
      const id = uuidv7();
      await created(
        await post("kpm.sandeley", "/api/family-screenings", {
          id,
          householdId,
          screenedOn: today,
          observed: { foodAdequate: false },
        }),
      );
      return id;
    };
    /** Rahmat's family assigned to the team's PKK member, first visit due 3 days ago. */
    const assignment = async () => {
      const teamId = uuidv7();
      await created(
        await post("desa.sandeley", "/api/tpk-teams", { id: teamId, regionCode: DESA, name: "TPK 1" }),
      );
      const memberId = uuidv7();
      await created(
        await post("desa.sandeley", `/api/tpk-teams/${teamId}/members`, {
          id: memberId,
          name: "Ibu Yuni",
          role: "pkk",
        }),
      );
      const id = uuidv7();
      await created(
        await post("desa.sandeley", "/api/tpk-assignments", {
          id,
          memberId,
          subjectKind: "keluarga",
          subjectId: householdId,
          firstDueOn: addDays(today, -3),
        }),
      );
      return { teamId, id };
    };
    const visit = async (assignmentId: string) => {
      const id = uuidv7();
      await created(
        await post("kpm.sandeley", "/api/tpk-visits", {
          id,
          assignmentId,
          visitedOn: today,
          counselling: "Makan bergizi",
          nextDueOn: addDays(today, 30),
        }),
      );
      return id;
    };
    /** Sari, marrying today, screened 4 months ago: "screened ≥ 3 months before marriage". */
    const catinScreened = async () => {
      const catinId = uuidv7();
      await created(
        await post("bidan.sandeley", "/api/catin", {
          id: catinId,
          person: { regionCode: DESA, name: "Sari Catin", sex: 2, birthDate: addDays(today, -7000) },
          marriageDate: today,
        }),
      );
      const id = uuidv7();
      const view = await created(
        await post("bidan.sandeley", `/api/catin/${catinId}/screenings`, {
          id,
          screenedOn: addDays(today, -122),
          weightKg: 50,
          heightCm: 155,
        }),
      );
      expect(view.screenedInTime).toBe(true);
      return { catinId, id };
    };
    const figure = async (code: string) =>
      (await recordCounts(db().kysely, DESA, today)).get(`${code}|${month}`) ?? null;
    const audits = async (id: string, action: string) =>
      db()
        .kysely.selectFrom("audit_log")
        .select(["after_json", "actor_name"])
        .where("entity_id", "=", id)
        .where("action", "=", action)
        .execute();

    it("a family screening voided: kept and marked on the family page, out of the list, the risk and the figure", async () => {
      const id = await screenRahmat();
      const list = async () => (await get("kpm.sandeley", `/api/regions/${DESA}/families`)).json();
      expect(await list()).toMatchObject({ screened: 1, atRisk: 1 });
      expect(await figure(RECORD_CODES.family)).toEqual({ numerator: 0, denominator: 1 });

      const res = await post("kpm.sandeley", `/api/family-screenings/${id}/void`, {
        reason: "Salah rumah, bukan keluarga Rahmat",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id, voidReason: "Salah rumah, bukan keluarga Rahmat" });
      // Not at risk any more (the only screening was a mistake): unscreened again, no figure at all.
      const after = await list();
      expect(after).toMatchObject({ screened: 0, atRisk: 0, rows: [] });
      expect(after.unscreened.map((h: { headName: string }) => h.headName)).toContain("Rahmat");
      expect(await figure(RECORD_CODES.family)).toBeNull();
      // The family page keeps it in the history, marked.
      const page = (await get("kpm.sandeley", `/api/families/${householdId}`)).json();
      expect(page.screenings).toHaveLength(1);
      expect(page.screenings[0]).toMatchObject({ id, voidReason: "Salah rumah, bukan keluarga Rahmat" });
      const entries = await audits(id, "family_screening.void");
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0]?.after_json ?? "{}")).toEqual({
        reason: "Salah rumah, bukan keluarga Rahmat",
      });
      // A voided screening cannot be verified; voiding again changes nothing.
      const verify = await post("bidan.sandeley", `/api/family-screenings/${id}/verify`, {
        result: "sesuai",
      });
      expect(verify.statusCode).toBe(409);
      expect(verify.json().error).toMatchObject({ code: "conflict", reason: "record_voided" });
      const again = await post("kpm.sandeley", `/api/family-screenings/${id}/void`, { reason: "lagi" });
      expect(again.statusCode).toBe(200);
      expect(again.json().voidReason).toBe("Salah rumah, bukan keluarga Rahmat");
      expect(await audits(id, "family_screening.void")).toHaveLength(1);
    });

    it("a family screening: the viewer is refused (403), a kader of another posyandu gets 404, a short reason 400", async () => {
      const id = await screenRahmat();
      const viewer = await post("peninjau", `/api/family-screenings/${id}/void`, { reason: "coba saja" });
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json().error.code).toBe("forbidden");
      const outside = await post("kader.melati", `/api/family-screenings/${id}/void`, { reason: "coba" });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.code).toBe("not_found");
      const short = await post("kpm.sandeley", `/api/family-screenings/${id}/void`, { reason: "x" });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.field).toBe("reason");
      const unknown = await post("kpm.sandeley", `/api/family-screenings/${uuidv7()}/void`, {
        reason: "tidak ada",
      });
      expect(unknown.statusCode).toBe(404);
      expect(await audits(id, "family_screening.void")).toHaveLength(0);
      expect((await get("kpm.sandeley", `/api/regions/${DESA}/families`)).json()).toMatchObject({
        atRisk: 1,
      });
    });

    it("a TPK visit voided: the due date, the count and 'families accompanied' forget it; the history shows it struck", async () => {
      await screenRahmat();
      const a = await assignment();
      const visitId = await visit(a.id);
      const assignmentOf = (team: { assignments: { id: string }[] }) =>
        team.assignments.find((x) => x.id === a.id) as Record<string, unknown>;
      let team = (await get("kpm.sandeley", `/api/tpk-teams/${a.teamId}`)).json();
      expect(assignmentOf(team)).toMatchObject({ visits: 1, overdue: false, dueOn: addDays(today, 30) });
      expect(await figure(RECORD_CODES.family)).toEqual({ numerator: 1, denominator: 1 });

      const viewer = await post("peninjau", `/api/tpk-visits/${visitId}/void`, { reason: "coba saja" });
      expect(viewer.statusCode).toBe(403);
      const outside = await post("kader.melati", `/api/tpk-visits/${visitId}/void`, { reason: "coba" });
      expect(outside.statusCode).toBe(404);

      const res = await post("kpm.sandeley", `/api/tpk-visits/${visitId}/void`, {
        reason: "Kunjungan tidak jadi, keluarga tidak di rumah",
      });
      expect(res.statusCode, res.body).toBe(200);
      team = res.json();
      const after = assignmentOf(team);
      expect(after).toMatchObject({
        visits: 0,
        lastVisit: null,
        dueOn: addDays(today, -3),
        overdue: true,
      });
      expect(after.history).toEqual([
        expect.objectContaining({
          id: visitId,
          visitedOn: today,
          voidReason: "Kunjungan tidak jadi, keluarga tidak di rumah",
        }),
      ]);
      expect(team.members[0]).toMatchObject({ caseload: 1, overdue: 1 });
      expect(await figure(RECORD_CODES.family)).toEqual({ numerator: 0, denominator: 1 });
      expect(await audits(visitId, "tpk_visit.void")).toHaveLength(1);
      const again = await post("kpm.sandeley", `/api/tpk-visits/${visitId}/void`, { reason: "lagi" });
      expect(again.statusCode).toBe(200);
      expect(await audits(visitId, "tpk_visit.void")).toHaveLength(1);
    });

    it("a catin screening voided: no longer 'in time', not in the coverage or the figures, no certificate", async () => {
      const { catinId, id } = await catinScreened();
      expect(await figure(RECORD_CODES.catinInTime)).toEqual({ numerator: 1, denominator: 1 });
      const viewer = await post("peninjau", `/api/catin-screenings/${id}/void`, { reason: "coba saja" });
      expect(viewer.statusCode).toBe(403);
      const res = await post("bidan.sandeley", `/api/catin-screenings/${id}/void`, {
        reason: "Berat badan salah tulis",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: catinId, screenedInTime: false });
      expect(res.json().screenings).toEqual([
        expect.objectContaining({ id, inTime: false, voidReason: "Berat badan salah tulis" }),
      ]);
      const list = (await get("bidan.sandeley", `/api/regions/${DESA}/catin`)).json();
      expect(list.coverage).toMatchObject({ numerator: 0, denominator: 1 });
      expect(await figure(RECORD_CODES.catinInTime)).toEqual({ numerator: 0, denominator: 1 });
      expect(await figure(RECORD_CODES.catinExamined)).toEqual({ numerator: 0, denominator: 1 });
      const pdf = await get("bidan.sandeley", `/api/catin-screenings/${id}/certificate.pdf`);
      expect(pdf.statusCode).toBe(409);
      expect(pdf.json().error.reason).toBe("record_voided");
      const entries = await audits(id, "catin_screening.void");
      expect(entries).toEqual([
        { after_json: JSON.stringify({ reason: "Berat badan salah tulis" }), actor_name: "bidan.sandeley" },
      ]);
    });

    it("from the phone: each void applies once, a replay writes nothing more, and the pull carries the reason", async () => {
      const screening = await screenRahmat();
      const a = await assignment();
      const visitId = await visit(a.id);
      const catinScreening = (await catinScreened()).id;
      const push = async (as: string, ops: object[]) => {
        const res = await api.request(as, { method: "POST", url: "/api/sync/push", payload: { ops } });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().results;
      };
      const op = (entity: string, id: string, reason: string) => ({
        opId: uuidv7(),
        entity,
        entityId: uuidv7(),
        kind: "append",
        payload: { id, reason },
      });
      const ops = [
        op("tpk_visit_void", visitId, "Salah keluarga"),
        op("family_screening_void", screening, "Salah rumah"),
        op("catin_screening_void", catinScreening, "Salah orang"),
      ];
      // The viewer's phone never gets its void through.
      const refused = await push("peninjau", [{ ...op("tpk_visit_void", visitId, "coba saja") }]);
      expect(refused[0]).toMatchObject({ status: "rejected", error: { code: "forbidden" } });
      expect(await push("bidan.sandeley", ops)).toEqual(
        ops.map((o) => expect.objectContaining({ opId: o.opId, status: "applied" })),
      );
      expect(await push("bidan.sandeley", ops)).toEqual(
        ops.map(() => expect.objectContaining({ status: "applied", replayed: true })),
      );
      expect(await audits(visitId, "tpk_visit.void")).toHaveLength(1);
      expect(await audits(screening, "family_screening.void")).toHaveLength(1);
      expect(await audits(catinScreening, "catin_screening.void")).toHaveLength(1);
      const pulled = (await get("bidan.sandeley", "/api/sync/pull?limit=5000")).json();
      const reasonOf = (id: string) =>
        pulled.records.find((r: { id: string }) => r.id === id)?.data?.voidReason;
      expect(reasonOf(visitId)).toBe("Salah keluarga");
      expect(reasonOf(screening)).toBe("Salah rumah");
      expect(reasonOf(catinScreening)).toBe("Salah orang");
      expect(await figure(RECORD_CODES.family)).toBeNull();
    });
  },
  { seed },
);
