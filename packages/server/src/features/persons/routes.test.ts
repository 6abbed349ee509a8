import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const HOUSEHOLD = {
  regionCode: "64.01.05.2003.D01",
  headName: "Ahmad",
  address: "Jl. Poros Sandeley",
  rt: "003",
  waterSource: "sumur_tak_terlindung",
  latrineType: "sendiri_septik",
};
const MOTHER = {
  regionCode: "64.01.05.2003",
  name: "Siti Aminah",
  sex: 2,
  birthDate: "1998-04-12",
  nik: "6401055204980003",
};
const CHILD = {
  regionCode: "64.01.05.2003.P01",
  motherId: null,
  name: "Aisyah Putri",
  sex: 2,
  birthDate: "2025-01-15",
  nik: "6401055601250002",
};
const WEIGHINGS = [
  // Flat weights: T every month after the first (Buku KIA: "grafik BB mendatar"), so 2T.
  ["2026-06-10", 8.4, 74.5],
  ["2026-07-10", 8.4, 75.0],
  ["2026-08-10", 8.4, 75.4],
  ["2026-09-10", 8.4, 76.0], // TB/U −2.17: pendek
] as const;
/** October: +20 g after a T (below its line, under the 200 g KBM), and a length of 45 cm flagged as implausible. */
const OCTOBER = (personId: string) => ({
  personId,
  measuredOn: "2026-10-12",
  weightKg: 8.42,
  lenheiCm: 45,
  measure: "l",
  confirmedImplausible: { reason: "Diukur ulang dua kali, hasil sama" },
});

describeEachDialect(
  "registry through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });

    // Each test has its own copy of the demo database, and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    // The family the tests are about. A test registers the part of its story it needs, as the KPM and the
    // kader would, and then does its own step: no test relies on another having run before it.
    const created = async (res: Awaited<ReturnType<typeof post>>) => {
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const household = async (): Promise<string> =>
      (await created(await post("kpm.sandeley", "/api/households", HOUSEHOLD))).id;
    const family = async () => {
      const householdId = await household();
      const mother = await created(await post("kpm.sandeley", "/api/persons", { ...MOTHER, householdId }));
      const child = await created(await post("kader.melati", "/api/persons", CHILD));
      return { householdId, motherId: mother.person.id as string, childId: child.person.id as string };
    };
    const linkedFamily = async () => {
      const ids = await family();
      const res = await api.request("kpm.sandeley", {
        method: "PATCH",
        url: `/api/persons/${ids.childId}`,
        payload: { revision: 1, motherId: ids.motherId, householdId: ids.householdId },
      });
      expect(res.statusCode, res.body).toBe(200);
      return ids;
    };
    /** June–September as in the weighing test, then (with `october`) the implausible 45 cm of October. */
    const weighedFamily = async (october: boolean) => {
      const ids = await linkedFamily();
      for (const [day, w, l] of WEIGHINGS) {
        const m = { personId: ids.childId, measuredOn: day, weightKg: w, lenheiCm: l, measure: "l" };
        await created(await post("kader.melati", "/api/measurements", m));
      }
      if (october) await created(await post("kader.melati", "/api/measurements", OCTOBER(ids.childId)));
      return ids;
    };

    it("a KPM registers a household with coded water and latrine", async () => {
      const res = await post("kpm.sandeley", "/api/households", HOUSEHOLD);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ safeWater: false, properLatrine: true, revision: 1 });
    });

    it("registers a mother and a child; a NIK that disagrees with the birth date is a warning, not an error", async () => {
      const householdId = await household();
      const mother = await post("kpm.sandeley", "/api/persons", { ...MOTHER, householdId });
      expect(mother.statusCode, mother.body).toBe(201);
      expect(mother.json().warnings).toEqual([]);
      const child = await post("kader.melati", "/api/persons", CHILD);
      // The kader cannot see the mother and household (registered at the desa), so the KPM links them later.
      expect(child.statusCode).toBe(201);
      expect(child.json().warnings[0]).toMatch(/differs from the birth date/);
      expect(child.json().person.nik).toBe("6401055601250002");
    });

    it("a malformed NIK is a 400 on the field, a NIK already registered a 409", async () => {
      await family();
      const base = { regionCode: "64.01.05.2003", name: "X", sex: 1, birthDate: "2024-01-01" };
      const bad = await post("kpm.sandeley", "/api/persons", { ...base, nik: "640105" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe("nik");
      const unknownKec = await post("kpm.sandeley", "/api/persons", { ...base, nik: "6499010101240001" });
      expect(unknownKec.json().error.message).toMatch(/kecamatan/);
      const dup = await post("kpm.sandeley", "/api/persons", { ...base, nik: "6401055204980003" });
      expect(dup.statusCode).toBe(409);
    });

    it("a NIK registered outside the caller's area is not revealed: accepted as new, then a same-NIK pair for the desa", async () => {
      await family(); // the mother, with her NIK, registered at the desa (the kader of Posyandu Melati cannot see her)
      const again = await post("kader.melati", "/api/persons", {
        regionCode: "64.01.05.2003.P01",
        name: "Siti A.",
        sex: 2,
        birthDate: "1998-04-12",
        nik: MOTHER.nik,
      });
      // The same answer as for a NIK nobody has: nothing tells the kader it exists elsewhere.
      expect(again.statusCode, again.body).toBe(201);
      const pairs = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/duplicates")).json();
      const list = Array.isArray(pairs) ? pairs : pairs.pairs;
      const nikPair = list.find((p: { reasons: string[] }) => p.reasons.includes("same_nik"));
      expect(nikPair, JSON.stringify(pairs)).toBeDefined();
      expect([nikPair.a.name, nikPair.b.name].sort()).toEqual(["Siti A.", "Siti Aminah"]);
    });

    it("GET /api/persons/:id gives the full NIK only to roles that may read it; others get it masked", async () => {
      const { motherId } = await family();
      const nikOf = async (as: string) => (await get(as, `/api/persons/${motherId}`)).json().person;
      expect((await nikOf("kpm.sandeley")).nik).toBe(MOTHER.nik);
      expect((await nikOf("admin")).nik).toBe(MOTHER.nik);
      for (const as of ["peninjau", "tpps.kuaro", "tpps.paser", "dinkes"]) {
        const p = await nikOf(as);
        expect(p.nik, as).toBeNull();
        expect(p.nikMasked, as).toBe("************0003");
        expect((await get(as, `/api/persons/${motherId}`)).body, as).not.toContain(MOTHER.nik);
      }
    });

    it("links the mother with an up-to-date revision; a stale revision is a conflict", async () => {
      const { householdId, motherId, childId } = await family();
      const ok = await api.request("kpm.sandeley", {
        method: "PATCH",
        url: `/api/persons/${childId}`,
        payload: { revision: 1, motherId, householdId },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ motherId, householdId, revision: 2 });
      const stale = await api.request("kpm.sandeley", {
        method: "PATCH",
        url: `/api/persons/${childId}`,
        payload: { revision: 1, name: "Aisyah P." },
      });
      expect(stale.statusCode).toBe(409);
    });

    it("records monthly weighings: z-scores, Permenkes categories, N/T and 2T come from the growth engine", async () => {
      const { childId } = await linkedFamily();
      let last: Record<string, unknown> = {};
      for (const [day, w, l] of WEIGHINGS) {
        const res = await post("kader.melati", "/api/measurements", {
          personId: childId,
          measuredOn: day,
          weightKg: w,
          lenheiCm: l,
          measure: "l",
        });
        expect(res.statusCode, day).toBe(201);
        last = res.json();
      }
      expect(last).toMatchObject({ weighing: "T", categories: { tbu: "tbu.pendek" } });
      const again = await post("kader.melati", "/api/measurements", {
        personId: childId,
        measuredOn: "2026-09-10",
        weightKg: 8.7,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("already_measured");
      const view = await get("kpm.sandeley", `/api/persons/${childId}`);
      expect(view.statusCode).toBe(200);
      const body = view.json();
      expect(body.measurements.map((m: { weighing: string }) => m.weighing)).toEqual(["B", "T", "T", "T"]);
      expect(body.alerts).toEqual(expect.arrayContaining(["2T", "stunting"]));
      expect(body.mother).toMatchObject({ name: "Siti Aminah" });
      expect(body.person.targetRoles).toEqual(["anak_7_23"]);
    });

    it("refuses an implausible value until it is confirmed, then keeps it flagged with who confirmed and why", async () => {
      const { childId } = await weighedFamily(false);
      const { confirmedImplausible: _, ...unconfirmed } = OCTOBER(childId);
      const refused = await post("kader.melati", "/api/measurements", unconfirmed);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: "implausible_measurement", field: "lenheiCm" });
      const res = await post("kader.melati", "/api/measurements", OCTOBER(childId));
      expect(res.statusCode).toBe(201);
      expect(res.json().flags).toContain("zlen");
      const row = await db()
        .kysely.selectFrom("measurements")
        .select(["implausible_json"])
        .where("id", "=", res.json().id)
        .executeTakeFirstOrThrow();
      const stored = JSON.parse(row.implausible_json ?? "{}");
      expect(stored.reason).toBe("Diukur ulang dua kali, hasil sama");
      expect(stored.by).toEqual(expect.any(String));
      expect(stored.issues.map((i: { kind: string }) => i.kind)).toEqual(
        expect.arrayContaining(["who_flag", "length_drop"]),
      );
    });

    it("corrects a measurement as a new revision (the old one kept, voided) and voids one with a reason", async () => {
      const { childId } = await weighedFamily(true);
      const lists = async () =>
        (await get("kader.melati", "/api/regions/64.01.05.2003.P01/registry-lists?month=2026-10")).json();
      const wrong = (await db()
        .kysely.selectFrom("measurements")
        .select(["id"])
        .where("person_id", "=", childId)
        .where("measured_on", "=", "2026-10-12")
        .executeTakeFirstOrThrow()) as { id: string };
      expect((await lists()).counts.flagged).toBe(1);
      const noReason = await post("kader.melati", "/api/measurements", {
        ...OCTOBER(childId),
        lenheiCm: 75.5,
        confirmedImplausible: null,
        supersedes: wrong.id,
      });
      expect(noReason.json().error.field).toBe("changeReason");
      const fixed = await post("kader.melati", "/api/measurements", {
        ...OCTOBER(childId),
        lenheiCm: 75.5,
        confirmedImplausible: null,
        supersedes: wrong.id,
        changeReason: "Salah ketik: 75,5 bukan 45",
      });
      expect(fixed.statusCode).toBe(201);
      expect((await lists()).counts.flagged).toBe(0);
      const rows = await db()
        .kysely.selectFrom("measurements")
        .select(["id", "lenhei_cm", "deleted_at", "supersedes", "change_reason", "voided_by"])
        .where("person_id", "=", childId)
        .where("measured_on", "=", "2026-10-12")
        .orderBy("created_at")
        .execute();
      expect(rows).toHaveLength(2);
      expect(rows.find((r) => r.id === wrong.id)).toMatchObject({
        lenhei_cm: 45,
        voided_by: expect.any(String),
      });
      expect(rows.find((r) => r.id === wrong.id)?.deleted_at).not.toBeNull();
      expect(rows.find((r) => r.id !== wrong.id)).toMatchObject({ lenhei_cm: 75.5, supersedes: wrong.id });

      const voided = await post("kader.melati", `/api/measurements/${fixed.json().id}/void`, {
        reason: "Anak salah orang",
      });
      expect(voided.statusCode).toBe(200);
      const chart = await get("kader.melati", `/api/persons/${childId}`);
      expect(JSON.stringify(chart.json())).not.toContain("2026-10-12");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("action", "in", ["measurement.correct", "measurement.void"])
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(["measurement.correct", "measurement.void"]);
      const viewer = await post("peninjau", `/api/measurements/${rows[0]?.id}/void`, { reason: "coba" });
      expect(viewer.statusCode).toBeGreaterThanOrEqual(403);
    });

    it("refuses impossible input: a future date or a date before birth", async () => {
      const { childId } = await family();
      const future = await post("kader.melati", "/api/measurements", {
        personId: childId,
        measuredOn: "2999-01-01",
        weightKg: 9,
      });
      expect(future.json().error.field).toBe("measuredOn");
      const before = await post("kader.melati", "/api/measurements", {
        personId: childId,
        measuredOn: "2024-12-01",
        weightKg: 3,
      });
      expect(before.json().error.field).toBe("measuredOn");
    });

    it("lists the posyandu's children for a month", async () => {
      await weighedFamily(true);
      const res = await get("kader.melati", "/api/regions/64.01.05.2003.P01/registry-lists?month=2026-10");
      expect(res.statusCode).toBe(200);
      const { counts, lists } = res.json();
      // October: +20 g after a T is T again (below its line, KBM 200 g at 20 months), so still 2T; the 45 cm
      // length is flagged.
      expect(counts).toMatchObject({ due: 0, twoT: 1, flagged: 1, stunted: 0 });
      expect(lists.flagged[0].name).toBe("Aisyah Putri");
      const sep = (
        await get("kader.melati", "/api/regions/64.01.05.2003.P01/registry-lists?month=2026-09")
      ).json();
      expect(sep.counts).toMatchObject({ twoT: 1, stunted: 1, due: 0 });
      const nov = (
        await get("kader.melati", "/api/regions/64.01.05.2003.P01/registry-lists?month=2026-11")
      ).json();
      expect(nov.counts).toMatchObject({ due: 1, notMeasured2m: 0 });
    });

    it("opens the posyandu day once: a second cadre gets the existing session in the 409", async () => {
      const day = { posyanduCode: "64.01.05.2003.P01", heldOn: "2026-10-05" };
      const first = await post("kader.melati", "/api/posyandu-sessions", { ...day, cadres: ["Melati"] });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ ...day, cadres: ["Melati"] });
      const second = await post("kader.melati", "/api/posyandu-sessions", { ...day, cadres: ["Mawar"] });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toEqual({
        error: { code: "conflict", message: expect.any(String), field: "heldOn" },
        session: first.json(),
      });
    });

    it("draws the chart: SD curves and the child's points", async () => {
      const { childId } = await weighedFamily(true);
      const res = await get("kpm.sandeley", `/api/persons/${childId}/chart?indicator=tbu`);
      const chart = res.json();
      expect(chart).toMatchObject({ xUnit: "month", yUnit: "cm", sex: 2 });
      expect(chart.curves[0]).toMatchObject({ x: 0 });
      expect(chart.curves[0].sd[3]).toBeCloseTo(49.1477, 3); // WHO girls' median length at birth
      expect(chart.points).toHaveLength(5);
      expect(chart.points.at(-1).flagged).toBe(true);
      const wfl = (await get("kpm.sandeley", `/api/persons/${childId}/chart?indicator=bbtb`)).json();
      expect(wfl.xUnit).toBe("cm");
    });

    it("keeps every registry record inside the scope: another desa's person is 404, the kader sees only its posyandu", async () => {
      const { householdId, motherId } = await family();
      const other = await post("tpps.kuaro", "/api/persons", {
        regionCode: "64.01.05.2004",
        name: "Budi",
        sex: 1,
        birthDate: "2024-05-05",
      });
      expect(other.statusCode).toBe(201);
      const otherId = other.json().person.id;
      expect((await get("kpm.sandeley", `/api/persons/${otherId}`)).statusCode).toBe(404);
      expect((await get("kpm.sandeley", `/api/persons/${otherId}/chart?indicator=tbu`)).statusCode).toBe(404);
      expect((await get("kader.melati", `/api/persons/${motherId}`)).statusCode).toBe(404);
      expect((await get("kader.melati", `/api/households/${householdId}`)).statusCode).toBe(404);
      const m = await post("kpm.sandeley", "/api/measurements", {
        personId: otherId,
        measuredOn: "2026-10-01",
        weightKg: 10,
      });
      expect(m.statusCode).toBe(404);
      const list = await get("kpm.sandeley", "/api/regions/64.01.05.2004/registry-lists?month=2026-10");
      expect(list.statusCode).toBe(404);
      const search = await get("kpm.sandeley", "/api/persons?region=64.01.05&q=budi");
      expect(search.json().persons).toEqual([]);
      expect((await get("peninjau", `/api/persons/${otherId}`)).statusCode).toBe(200);
      const viewerWrite = await post("peninjau", "/api/measurements", {
        personId: otherId,
        measuredOn: "2026-10-01",
        weightKg: 10,
      });
      expect(viewerWrite.statusCode).toBe(403);
    });

    it("finds people by a sound-alike of the name", async () => {
      await family();
      const res = await get("kpm.sandeley", "/api/persons?region=64.01.05.2003&q=Aisah%20Putry");
      expect(res.json().persons.map((p: { name: string }) => p.name)).toEqual(["Aisyah Putri"]);
      expect(res.json().persons[0].nikMasked).toBe("************0002");
    });

    it("records a pregnancy with KEK and anaemia derived, and its end", async () => {
      const { householdId, motherId } = await linkedFamily();
      const res = await post("bidan.sandeley", "/api/pregnancies", {
        personId: motherId,
        lmpDate: "2026-08-01",
        gravida: 2,
        muacCm: 22.9,
        hbGdl: 10.5,
        highRisk: false,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ eddDate: "2027-05-08", kek: true, anaemia: true, active: true });
      const view = (await get("kpm.sandeley", `/api/persons/${motherId}`)).json();
      expect(view.person.targetRoles).toEqual(["ibu_hamil", "ibu_menyusui_7_23", "wus"]);
      const household = (await get("kpm.sandeley", `/api/households/${householdId}`)).json();
      expect(household.is1000Hpk).toBe(true);
      expect(household.members.map((m: { targetRoles: string[] }) => m.targetRoles)).toEqual([
        ["ibu_hamil", "ibu_menyusui_7_23", "wus"],
        ["anak_7_23"],
      ]);
      const edit = await api.request("bidan.sandeley", {
        method: "PATCH",
        url: `/api/pregnancies/${res.json().id}`,
        payload: { revision: 1, hbGdl: 11.5 },
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json()).toMatchObject({ anaemia: false, kek: true, revision: 2 });
      const end = await post("bidan.sandeley", `/api/pregnancies/${res.json().id}/end`, {
        endedOn: "2026-10-01",
        outcome: "keguguran",
      });
      expect(end.json()).toMatchObject({ active: false, outcome: "keguguran" });
    });

    it("documents every registry route with its response in the OpenAPI document", async () => {
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const ok = (path: string, method: string, status = "200") =>
        doc.paths[path]?.[method]?.responses?.[status]?.content?.["application/json"]?.schema;
      expect(ok("/api/persons", "get").properties).toHaveProperty("persons");
      expect(ok("/api/persons", "post", "201").properties).toHaveProperty("warnings");
      expect(ok("/api/persons/{id}", "get").properties).toHaveProperty("measurements");
      expect(ok("/api/persons/{id}", "patch").properties).toHaveProperty("revision");
      expect(ok("/api/persons/{id}/chart", "get").properties).toHaveProperty("curves");
      expect(ok("/api/households", "post", "201").properties).toHaveProperty("safeWater");
      expect(ok("/api/households/{id}", "get").properties).toHaveProperty("is1000Hpk");
      expect(ok("/api/pregnancies", "post", "201").properties).toHaveProperty("kek");
      expect(ok("/api/pregnancies/{id}", "patch").properties).toHaveProperty("eddDate");
      expect(ok("/api/pregnancies/{id}/end", "post").properties).toHaveProperty("outcome");
      expect(ok("/api/measurements", "post", "201").properties).toHaveProperty("weighing");
      expect(ok("/api/posyandu-sessions", "post", "201").properties).toHaveProperty("cadres");
      expect(ok("/api/posyandu-sessions", "post", "409").properties).toHaveProperty("session");
      expect(ok("/api/regions/{code}/registry-lists", "get").properties).toHaveProperty("lists");
      expect(ok("/api/regions/{code}/duplicates", "get").properties).toHaveProperty("pairs");
      expect(ok("/api/persons/merge", "post").properties).toHaveProperty("mergeId");
      expect(doc.paths["/api/merges/{id}/undo"].post.responses).toHaveProperty("204");
      expect(doc.paths["/api/duplicates/dismiss"].post.responses).toHaveProperty("204");
      expect(ok("/api/imports/measurements", "post", "202").properties).toHaveProperty("jobId");
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
