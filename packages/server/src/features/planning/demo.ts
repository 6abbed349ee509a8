import {
  ACTIVITY_CATALOG,
  addDays,
  type CycleKind,
  checkTransition,
  type StageStatus,
  type StageStatuses,
  stageDeadline,
  stagesOf,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { bulkInsert } from "../../db/bulk-insert";
import type {
  Database,
  PlanningCampaignsTable,
  PlanningCyclesTable,
  PlanningInstitutionsTable,
  PlanningKpmTable,
  PlanningMeetingsTable,
  PlanningMembersTable,
  PlanningProposalsTable,
  PlanningReviewsTable,
  PlanningStagesTable,
} from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { manName, womanName } from "../../demo/population/names";
import { createRng, hash32, type Rng } from "../../demo/population/random";
import { uuidv7 } from "../../util/ids";

/**
 * The demo regency's planning year: every desa/kelurahan of Paser (only Kecamatan Kuaro's when the tests
 * ask for no population) with a cycle for the current year at a plausible point — most on time, some late,
 * some stuck — with the meetings, proposals, budgets, campaigns and kecamatan reviews their stages need.
 * Desa Sandeley (64.01.05.2003) is left at the start of the cycle: the demo desa to walk through by hand
 * and in the browser test. Deterministic for a given date (stage progress follows today's place in the
 * planning calendar); no audit entries (seeding, like the population).
 */
export const PLANNING_DEMO_DESA = "64.01.05.2003";
const REGENCY = "64.01";
const KUARO = "64.01.05";

const PROPOSAL_TEMPLATES: {
  code: string;
  title: string;
  target: string;
  unit: string;
  unitCost: number;
  vol: [number, number];
}[] = [
  {
    code: "paser-23-h",
    title: "PMT lokal melalui dapur sehat atasi stunting",
    target: "Anak 6–23 bulan gizi kurang",
    unit: "paket",
    unitCost: 15_000,
    vol: [600, 2400],
  },
  {
    code: "paser-23-g",
    title: "Insentif kader posyandu",
    target: "Kader posyandu",
    unit: "orang-bulan",
    unitCost: 150_000,
    vol: [60, 120],
  },
  {
    code: "paser-23-e",
    title: "Alat antropometri posyandu",
    target: "Posyandu",
    unit: "set",
    unitCost: 4_500_000,
    vol: [1, 4],
  },
  {
    code: "paser-23-u",
    title: "Jamban keluarga miskin dengan sasaran 1000 HPK",
    target: "Rumah tangga 1000 HPK",
    unit: "unit",
    unitCost: 6_000_000,
    vol: [3, 10],
  },
  {
    code: "paser-23-j",
    title: "Kunjungan rumah balita yang tidak datang ke posyandu",
    target: "Balita",
    unit: "kunjungan",
    unitCost: 50_000,
    vol: [100, 300],
  },
  {
    code: "paser-23-r",
    title: "Kelas pengasuhan dan PAUD",
    target: "Orang tua balita",
    unit: "pertemuan",
    unitCost: 750_000,
    vol: [6, 12],
  },
  {
    code: "paser-23-ee",
    title: "Pendampingan calon pengantin",
    target: "Calon pengantin",
    unit: "pasangan",
    unitCost: 200_000,
    vol: [10, 30],
  },
  {
    code: "pali-4-5-j",
    title: "Sambungan air bersih ke rumah tangga",
    target: "Rumah tangga 1000 HPK",
    unit: "sambungan",
    unitCost: 2_500_000,
    vol: [5, 20],
  },
  {
    code: "paser-23-jj",
    title: "Pekarangan pangan lestari (B2SA)",
    target: "Keluarga berisiko stunting",
    unit: "kelompok",
    unitCost: 5_000_000,
    vol: [1, 3],
  },
];

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface Village {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
}

export async function createDemoPlanning(
  db: Kysely<Database>,
  opts: { today?: string; onlyKuaro?: boolean } = {},
): Promise<{ cycles: number }> {
  const today = opts.today ?? todayIso();
  const year = Number(today.slice(0, 4));
  const already = await db.selectFrom("planning_cycles").select("id").limit(1).execute();
  if (already.length > 0) return { cycles: 0 };
  const villages: Village[] = await db
    .selectFrom("regions")
    .select(["code", "name", "kind", "parent_code"])
    .where("level", "=", "desa")
    .where(withinScopes("code", [opts.onlyKuaro ? KUARO : REGENCY]))
    .orderBy("code")
    .execute();
  const kecamatan = await db
    .selectFrom("regions")
    .select(["code", "name"])
    .where("level", "=", "kecamatan")
    .where(withinScopes("code", [opts.onlyKuaro ? KUARO : REGENCY]))
    .orderBy("code")
    .execute();
  const at = `${today}T08:00:00.000Z`;
  const t = {
    cycles: [] as PlanningCyclesTable[],
    stages: [] as PlanningStagesTable[],
    meetings: [] as PlanningMeetingsTable[],
    proposals: [] as PlanningProposalsTable[],
    reviews: [] as PlanningReviewsTable[],
    campaigns: [] as PlanningCampaignsTable[],
    institutions: [] as PlanningInstitutionsTable[],
    members: [] as PlanningMembersTable[],
    kpm: [] as PlanningKpmTable[],
  };
  const institution = (
    region: string,
    kind: string,
    name: string,
    rng: Rng,
    members: [string, string, string | null][],
  ) => {
    const id = uuidv7();
    t.institutions.push({
      id,
      region_code: region,
      kind,
      name,
      decree_number: `${rng.int(40, 450)}/${rng.int(1, 99)}/KPTS/${year}`,
      decree_date: `${year}-0${rng.int(1, 2)}-${String(rng.int(2, 27)).padStart(2, "0")}`,
      created_at: at,
    });
    for (const [personName, role, unit] of members)
      t.members.push({
        id: uuidv7(),
        institution_id: id,
        region_code: region,
        name: personName,
        role,
        unit,
        created_at: at,
      });
  };

  // TPPS Kabupaten (Paser Pasal 14–15) and one per kecamatan.
  const kabRng = createRng(hash32("planning:tpps:64.01"));
  institution(REGENCY, "tpps_kabupaten", "TPPS Kabupaten Paser", kabRng, [
    ["Bupati Paser", "pengarah", "Pemerintah Kabupaten"],
    ["Wakil Bupati Paser", "ketua", "Pemerintah Kabupaten"],
    [manName(kabRng), "pelaksana", "Bappedalitbang"],
    [womanName(kabRng), "pelaksana", "Dinas Kesehatan"],
    [manName(kabRng), "pelaksana", "DPMD"],
    [womanName(kabRng), "sekretariat", "Bappedalitbang"],
  ]);
  for (const k of kecamatan) {
    const rng = createRng(hash32(`planning:tpps:${k.code}`));
    institution(k.code, "tpps_kecamatan", `TPPS Kecamatan ${k.name}`, rng, [
      [`Camat ${k.name}`, "ketua", "Kantor Kecamatan"],
      [womanName(rng), "pelaksana", "Puskesmas"],
      [manName(rng), "pelaksana", "Pendamping Desa"],
      [womanName(rng), "sekretariat", "Kantor Kecamatan"],
    ]);
  }

  for (const v of villages) {
    if (v.code === PLANNING_DEMO_DESA) continue;
    const rng = createRng(hash32(`planning:${v.code}:${year}`));
    const kind: CycleKind = v.kind === "kelurahan" ? "kelurahan" : "desa";
    const kpmName = womanName(rng);
    if (kind === "desa" && !rng.chance(0.08)) {
      const chosen = `${year - 1}-${String(rng.int(1, 12)).padStart(2, "0")}-10`;
      t.kpm.push({
        id: uuidv7(),
        region_code: v.code,
        name: kpmName,
        dusun_code: null,
        facts_json: JSON.stringify({
          resident: true,
          cadreYears: rng.int(1, 9),
          speaksLocalLanguage: true,
          education: rng.chance(0.85) ? "slta" : "smp",
          canUseOffice: rng.chance(0.8),
        }),
        chosen_on: chosen,
        decree_number: `141/${rng.int(1, 60)}/KPTS/${year - 1}`,
        decree_date: addDays(chosen, 7),
        created_at: at,
      });
      institution(v.code, "rds", `Rumah Desa Sehat ${v.name}`, rng, [
        [kpmName, "ketua_pengurus_harian", "KPM"],
        [womanName(rng), "anggota", "PKK"],
        [womanName(rng), "anggota", "Koordinator guru PAUD"],
        [womanName(rng), "anggota", "Koordinator kader kesehatan"],
        [manName(rng), "anggota", "Tokoh masyarakat"],
      ]);
    }
    // About one village in twelve has not started this year's cycle at all.
    if (rng.chance(0.08)) continue;
    const cycleId = uuidv7();
    // How far ahead of (−) or behind (+) the calendar the village runs; one in six stalls at some stage.
    const delay = rng.int(-45, 50);
    const stallAt = rng.chance(0.16) ? rng.int(1, 6) : 99;
    const interVillage = rng.chance(0.25);
    const statuses: StageStatuses = {};
    const finished = new Map<string, string>();
    for (const [i, rule] of stagesOf(kind).entries()) {
      if (rule.optional && !interVillage) {
        if (checkTransition(kind, statuses, rule.code, "dilewati") === null) statuses[rule.code] = "dilewati";
        continue;
      }
      const due = addDays(stageDeadline(kind, year, rule.code), delay + rng.int(-10, 5));
      let target: StageStatus = "belum";
      if (i < stallAt && due <= today) target = "selesai";
      else if (addDays(due, -45) <= today) target = "berjalan";
      if (target !== "belum" && checkTransition(kind, statuses, rule.code, target) === null) {
        statuses[rule.code] = target;
        if (target === "selesai") finished.set(rule.code, due);
      }
    }
    const apbTotal = kind === "desa" ? rng.int(70, 220) * 10_000_000 : rng.int(25, 90) * 10_000_000;
    const budgetKnown = statuses.rkp_desa === "selesai" || statuses.usulan_kelurahan === "selesai";
    t.cycles.push({
      id: cycleId,
      region_code: v.code,
      kind,
      year,
      musyawarah_date: null,
      apb_total: budgetKnown ? apbTotal : null,
      created_at: at,
      updated_at: at,
      revision: 1,
    });
    for (const rule of stagesOf(kind)) {
      const st = statuses[rule.code];
      if (!st) continue;
      const fin = finished.get(rule.code) ?? null;
      t.stages.push({
        cycle_id: cycleId,
        region_code: v.code,
        stage: rule.code,
        status: st,
        started_on: st === "dilewati" ? null : addDays(fin ?? today, -rng.int(5, 30)),
        finished_on: fin,
        note: null,
        documents_json: JSON.stringify(st === "selesai" ? rule.outputs.slice(0, 1) : []),
        updated_at: at,
      });
    }
    const meeting = (kindOf: string, heldOn: string, signatories: object[], problems: string[]) =>
      t.meetings.push({
        id: uuidv7(),
        cycle_id: cycleId,
        region_code: v.code,
        kind: kindOf,
        held_on: heldOn,
        place:
          kindOf === "rembuk"
            ? `Balai ${kind === "desa" ? "Desa" : "Kelurahan"} ${v.name}`
            : `Rumah Desa Sehat ${v.name}`,
        attendance_count: kindOf === "rembuk" ? rng.int(30, 70) : rng.int(12, 25),
        attendees_json: "[]",
        problems_json: JSON.stringify(problems),
        opportunities_json: JSON.stringify(["Dana Desa untuk kegiatan prioritas", "Kader posyandu aktif"]),
        notes: null,
        signatories_json: JSON.stringify(signatories),
        mapping_json: null,
        created_at: at,
      });
    const fgdDone = finished.get("fgd_desa");
    if (fgdDone) {
      meeting(
        "fgd_desa",
        fgdDone,
        [],
        [
          `${rng.int(4, 20)} baduta belum diukur panjang badannya dua bulan terakhir`,
          `${rng.int(2, 12)} rumah tangga 1000 HPK tanpa jamban layak`,
        ],
      );
      const n = rng.int(3, 6);
      const picks = shuffled(rng, PROPOSAL_TEMPLATES).slice(0, n);
      const rembukDone = finished.get("rembuk");
      for (const [i, p] of picks.entries()) {
        const volume = rng.int(p.vol[0], p.vol[1]);
        const cost = volume * p.unitCost;
        const inPlan = budgetKnown && rng.chance(0.8);
        const activity = ACTIVITY_CATALOG.find((a) => a.code === p.code);
        t.proposals.push({
          id: uuidv7(),
          cycle_id: cycleId,
          region_code: v.code,
          activity_code: p.code,
          title: p.title,
          target_group: p.target,
          package: activity?.package ?? "kia",
          location: v.name,
          volume,
          unit: p.unit,
          cost,
          funding_source: kind === "desa" ? (rng.chance(0.85) ? "dana_desa" : "lain_sah") : "apbd",
          priority: rembukDone ? i + 1 : null,
          in_plan: inPlan ? 1 : 0,
          budget_amount: inPlan ? Math.round((cost * rng.int(70, 100)) / 100 / 1000) * 1000 : null,
          realised_amount: null,
          created_at: at,
          updated_at: at,
        });
      }
      if (rembukDone) {
        meeting(
          "rembuk",
          rembukDone,
          [
            { side: "rds", name: kpmName, position: "Ketua Pengurus Harian RDS" },
            { side: "masyarakat", name: womanName(rng), position: "Tokoh masyarakat" },
            {
              side: "pemerintah",
              name: manName(rng),
              position: kind === "desa" ? `Kepala Desa ${v.name}` : `Lurah ${v.name}`,
            },
          ],
          ["Cakupan pengukuran baduta rendah", "Sanitasi rumah tangga 1000 HPK"],
        );
        const r = rng.float();
        if (r < 0.7)
          t.reviews.push({
            id: uuidv7(),
            cycle_id: cycleId,
            region_code: v.code,
            decision: r < 0.55 ? "setuju" : "perbaikan",
            comment:
              r < 0.55
                ? "Usulan sesuai kewenangan Desa (Paser Pasal 23)."
                : "Lengkapi volume dan lokasi kegiatan jamban.",
            reviewer_name: `TPPS Kecamatan`,
            at: `${addDays(rembukDone, rng.int(3, 20))}T03:00:00.000Z`,
          });
      }
    }
    const campaignDone = finished.get("kampanye");
    if (campaignDone)
      for (let i = 0; i < rng.int(1, 3); i++)
        t.campaigns.push({
          id: uuidv7(),
          cycle_id: cycleId,
          region_code: v.code,
          media: rng.pick(["cetak", "media_sosial", "festival", "lomba_bayi_sehat", "bazar_pangan"] as const),
          held_on: addDays(campaignDone, -rng.int(0, 60)),
          reach: rng.int(40, 600),
          description: "Penyebarluasan hasil FGD dan rembuk stunting",
          created_at: at,
        });
  }
  await inTransaction(db, async (trx) => {
    await bulkInsert(db, trx, "planning_institutions", t.institutions);
    await bulkInsert(db, trx, "planning_members", t.members);
    await bulkInsert(db, trx, "planning_kpm", t.kpm);
    await bulkInsert(db, trx, "planning_cycles", t.cycles);
    await bulkInsert(db, trx, "planning_stages", t.stages);
    await bulkInsert(db, trx, "planning_meetings", t.meetings);
    await bulkInsert(db, trx, "planning_proposals", t.proposals);
    await bulkInsert(db, trx, "planning_reviews", t.reviews);
    await bulkInsert(db, trx, "planning_campaigns", t.campaigns);
  });
  return { cycles: t.cycles.length };
}
