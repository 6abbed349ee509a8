import { addDays, SYSTEM_ACTOR, shiftMonth, tikaRuleFor } from "@tumbuh/core";
import { TIKA_MAX_AGE_DAYS, tikaBandOfLength } from "@tumbuh/growth";
import { bulkInsert } from "../../db/bulk-insert";
import type { TikaReadingsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { idMaker } from "../../demo/population/ids";
import { createRng, hash32 } from "../../demo/population/random";
import { appendAudit } from "../audit/service";
import type { DemoContext } from "../feature";
import { lengthsInRegion } from "../measurements/service";
import { personsInRegionBornBetween } from "../persons/service";

/** Months back the demo's KPM laid children on the mat (the mat is used every three months). */
const DEMO_TIKA_MONTHS = 6;
/** Share of children 0–23 months measured for length whom the KPM also laid on the mat. */
const DEMO_TIKA_SHARE = 0.6;

/**
 * The demo's natural place for tika: on a posyandu day where a child 0–23 months had its length measured,
 * the KPM also lays it on the mat (for about 60 % of such children, deterministic from the seed), and the
 * reading shows the colour that length gives. One bulk insert, one audit entry.
 */
export async function tikaDemo({ db, regency, seed, today, children, log }: DemoContext): Promise<void> {
  if (children === 0) return;
  const all = [""];
  const from = `${shiftMonth(today.slice(0, 7), -(DEMO_TIKA_MONTHS - 1))}-01`;
  const bornFrom = addDays(from, -TIKA_MAX_AGE_DAYS);
  const persons = new Map(
    (await personsInRegionBornBetween(db, all, regency, bornFrom, today)).map((p) => [p.id, p]),
  );
  const latest = new Map<string, { on: string; lengthCm: number; measure: string | null }>();
  for (const m of await lengthsInRegion(db, all, regency, from, today, bornFrom))
    latest.set(m.person_id, { on: m.measured_on, lengthCm: m.lenhei_cm as number, measure: m.measure });
  const rule = tikaRuleFor(regency);
  const nextId = idMaker(createRng(seed ^ hash32("tika")), Date.UTC(2024, 6, 1));
  const rows: TikaReadingsTable[] = [];
  // Sorted so the readings (and their ids) do not depend on the order the database returns rows in.
  for (const [personId, m] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    const p = persons.get(personId);
    if (!p || (p.sex !== 1 && p.sex !== 2)) continue;
    if ((hash32(`${seed}:tika:${personId}`) % 1000) / 1000 >= DEMO_TIKA_SHARE) continue;
    const r = tikaBandOfLength(
      {
        sex: p.sex,
        birthDate: p.birth_date,
        measuredOn: m.on,
        lengthCm: m.lengthCm,
        measure: m.measure === "h" ? "h" : "l",
      },
      rule.boundaries,
    );
    if (!r) continue;
    rows.push({
      id: nextId(),
      person_id: p.id,
      region_code: p.region_code,
      measured_on: m.on,
      band: r.band,
      measured_by: "KPM",
      created_at: `${m.on}T04:00:00.000Z`,
      created_by: null,
    });
  }
  await inTransaction(db, async (trx) => {
    await bulkInsert(db, trx, "tika_readings", rows);
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: "demo.tika_readings",
      entity: "demo",
      entityId: null,
      regionCode: regency,
      after: { seed, today, readings: rows.length },
    });
  });
  log(`Demo tika readings: ${rows.length.toLocaleString("en")}`);
}
