import { type Actor, addDays, SYSTEM_ACTOR, todayIso } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { listAuditCases, recordCaseAudit, recordFollowUp } from "../case-audits/service";
import { recordCatinScreening, registerCatin } from "../catin/service";
import { addMember, assignSubject, createTeam, recordVisit } from "../tpk/service";
import { recordFamilyScreening, verifyFamilyScreening } from "./service";

const SANDELEY = "64.01.05.2003";

/** Deterministic UUIDv7-shaped ids (the demo is the same on every start). */
function demoId(kind: number, n: number): string {
  const k = kind.toString(16).padStart(4, "0");
  return `01900000-${k}-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

function actorOf(username: string, role: Actor["assignments"][number]["role"], scope: string): Actor {
  return { userId: "system", username, displayName: username, assignments: [{ role, scope }] };
}

/**
 * Families screened this semester, TPK teams with visits, catin with screenings and stunting case audits
 * in Desa Sandeley and two more desa of Kuaro. Runs after the synthetic population; a few hundred writes
 * through the same services the API uses.
 */
export async function createDemoFamilies(db: Kysely<Database>, asOf?: string): Promise<void> {
  const today = asOf && asOf < todayIso() ? asOf : todayIso();
  const desas = [
    SANDELEY,
    ...(
      await db
        .selectFrom("regions")
        .select("code")
        .where("parent_code", "=", "64.01.05")
        .where("level", "=", "desa")
        .where("code", "!=", SANDELEY)
        .orderBy("code")
        .limit(2)
        .execute()
    ).map((r) => r.code),
  ];
  let n = 0;
  for (const [d, desa] of desas.entries()) {
    const kpm = actorOf(d === 0 ? "kpm.sandeley" : `kpm.${desa}`, "kpm", desa);
    const bidan = actorOf(d === 0 ? "bidan.sandeley" : `bidan.${desa}`, "bidan", desa);
    const teamId = demoId(1, d);
    await createTeam(db, SYSTEM_ACTOR, {
      id: teamId,
      regionCode: desa,
      name: `TPK ${d === 0 ? "Sandeley" : desa}`,
    });
    const members = [
      { id: demoId(2, d * 3), name: "Bd. Lestari", role: "bidan" as const },
      { id: demoId(2, d * 3 + 1), name: "Ibu Yuni (PKK)", role: "pkk" as const },
      { id: demoId(2, d * 3 + 2), name: "Pak Anwar (KB)", role: "kader_kb" as const },
    ];
    for (const m of members) await addMember(db, SYSTEM_ACTOR, teamId, m);

    const households = await db
      .selectFrom("households")
      .select("id")
      .where("region_code", ">=", desa)
      .where("region_code", "<", `${desa}/`)
      .where("deleted_at", "is", null)
      .orderBy("id")
      .limit(d === 0 ? 40 : 8)
      .execute();
    for (const [i, h] of households.entries()) {
      const id = demoId(3, n++);
      const s = await recordFamilyScreening(db, kpm, {
        id,
        householdId: h.id,
        screenedOn: addDays(today, -(i % 30)),
        observed: {
          foodAdequate: i % 6 !== 0,
          underFiveCareAdequate: i % 9 !== 0,
          healthyHouse: i % 4 !== 0,
        },
        note: null,
      });
      if (i % 3 !== 2)
        await verifyFamilyScreening(db, bidan, id, {
          result: i % 7 === 0 ? "tidak_sesuai" : "sesuai",
          note: null,
        });
      if (s.evaluation.atRisk && i % 2 === 0) {
        const assignment = demoId(4, n);
        await assignSubject(db, SYSTEM_ACTOR, {
          id: assignment,
          memberId: (members[i % 3] as { id: string }).id,
          subjectKind: "keluarga",
          subjectId: h.id,
          firstDueOn: addDays(today, (i % 20) - 12),
        });
        if (i % 4 === 0)
          await recordVisit(db, kpm, {
            id: demoId(5, n),
            assignmentId: assignment,
            visitedOn: addDays(today, -2),
            counselling: "Air minum dimasak, cuci tangan pakai sabun, MP-ASI beragam",
            referralTo: i % 8 === 0 ? "Puskesmas Kuaro" : null,
            referralDone: i % 8 === 0 ? i % 16 === 0 : null,
            socialProgramme: i % 12 === 0 ? "PKH" : null,
            socialOutcome: i % 12 === 0 ? "diajukan" : null,
            nextDueOn: addDays(today, 28),
            note: null,
          });
      }
    }

    const catinCount = d === 0 ? 6 : 2;
    for (let c = 0; c < catinCount; c++) {
      const catinId = demoId(6, d * 10 + c);
      await registerCatin(db, bidan, {
        id: catinId,
        person: {
          regionCode: desa,
          name:
            ["Siti Rahma", "Dewi Lestari", "Nur Aini", "Putri Ayu", "Rina Marlina", "Fitri Handayani"][c] ??
            "Catin",
          sex: 2,
          birthDate: addDays(today, -(6800 + c * 500)),
        },
        partnerName: ["Andi", "Budi", "Rahmat", "Yusuf", "Hendra", "Agus"][c] ?? null,
        marriageDate: addDays(today, 40 + c * 35),
      });
      if (c < 4)
        await recordCatinScreening(db, bidan, catinId, {
          id: demoId(7, d * 10 + c),
          screenedOn: addDays(today, -c * 3),
          weightKg: 44 + c * 4,
          heightCm: 152 + c,
          muacCm: 22.8 + c * 0.7,
          hbGdl: 11.2 + c * 0.5,
        });
    }

    const cases = (await listAuditCases(db, SYSTEM_ACTOR, desa)).cases;
    const toAudit = cases.slice(0, Math.ceil(cases.length * (d === 0 ? 0.4 : 0.6)));
    for (const [i, c] of toAudit.entries()) {
      const auditId = demoId(8, d * 1000 + i);
      const late = demoId(9, (d * 1000 + i) * 2);
      await recordCaseAudit(db, bidan, {
        id: auditId,
        childId: c.childId,
        auditedOn: addDays(today, -20 - i),
        team: "Dokter Puskesmas Kuaro, ahli gizi, bidan desa, TPK",
        findings: {
          pemberian_makan: "MP-ASI kurang protein hewani",
          ...(i % 2 === 0 ? { air_sanitasi: "Air minum dari sumur tak terlindung" } : {}),
          ...(i % 3 === 0 ? { infeksi: "Diare berulang 3 bulan terakhir" } : {}),
        },
        recommendations: [
          {
            id: late,
            domain: "pemberian_makan",
            text: "Kelas MP-ASI dan PMT lokal 90 hari",
            ownerTeamId: teamId,
            ownerName: "Bd. Lestari",
            dueOn: addDays(today, -5 + i),
          },
          {
            id: demoId(9, (d * 1000 + i) * 2 + 1),
            domain: "air_sanitasi",
            text: "Usulkan sambungan air bersih ke dana desa",
            ownerTeamId: teamId,
            ownerName: "Kepala Desa",
            dueOn: addDays(today, 30),
          },
        ],
      });
      if (i % 3 === 1)
        await recordFollowUp(db, bidan, {
          id: demoId(10, d * 1000 + i),
          recommendationId: late,
          on: addDays(today, -1),
          status: "selesai",
          note: null,
        });
    }
  }
}
