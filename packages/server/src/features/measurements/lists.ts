import {
  type Actor,
  addDays,
  type ChildListRow,
  completedMonths,
  presentOn,
  REGISTRY_LISTS,
  type RegistryListName,
  type RegistryLists,
  readScopes,
} from "@tumbuh/core";
import { measurementViews } from "@tumbuh/core/growth-views";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { toSummary } from "../persons/service";
import { findRegion } from "../regions/service";
import { measurementsOfPersons } from "./repository";

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

function lastDay(month: string): string {
  return addDays(`${shiftMonth(month, 1)}-01`, -1);
}

/**
 * The posyandu's working lists for a month, for children 0–59 months registered in the region:
 * due (not yet measured this month), not measured for 2 months, 2T (refer), stunted, wasted and flagged.
 * A child who left (moved away, died) by the month's end is on none of them.
 * Stunted/wasted lists leave out values WHO flags as implausible: those are in the flagged list, to be
 * measured again.
 */
export async function registryLists(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  month: string,
): Promise<RegistryLists> {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const monthStart = `${month}-01`;
  const monthEnd = lastDay(month);
  const prevStart = `${shiftMonth(month, -1)}-01`;
  const children = await db
    .selectFrom("persons")
    .selectAll()
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .where("birth_date", "<=", monthEnd)
    .where("birth_date", ">=", addDays(`${shiftMonth(month, -60)}-01`, 1))
    .orderBy("name")
    .execute();
  // Under five at the end of the month (0–59 completed months); the SQL bound above is a superset. A child
  // who moved away or died by the month's end is no longer on any list (core presentOn, issue 17).
  const eligible = children.filter(
    (c) => completedMonths(c.birth_date, monthEnd) <= 59 && presentOn({ leftOn: c.left_on }, monthEnd),
  );
  const history = await measurementsOfPersons(
    db,
    eligible.map((c) => c.id),
    `${shiftMonth(month, -24)}-01`,
    monthEnd,
  );
  const lists = Object.fromEntries(REGISTRY_LISTS.map((l) => [l, [] as ChildListRow[]])) as Record<
    RegistryListName,
    ChildListRow[]
  >;
  for (const c of eligible) {
    const raws = history.get(c.id) ?? [];
    // Growth results for the latest measurement only; N/T and 2T still read the whole history.
    const { views, twoT } = measurementViews(
      { sex: c.sex === 2 ? 2 : 1, birthDate: c.birth_date },
      raws,
      "latest",
    );
    const latest = views.at(-1) ?? null;
    const row: ChildListRow = {
      ...toSummary(c, monthEnd),
      lastMeasuredOn: latest?.measuredOn ?? null,
      latest,
    };
    const thisMonth = raws.some((m) => m.measuredOn >= monthStart);
    const lastMonth = raws.some((m) => m.measuredOn >= prevStart && m.measuredOn < monthStart);
    if (!thisMonth) lists.due.push(row);
    if (!thisMonth && !lastMonth) lists.notMeasured2m.push(row);
    const lastWeighing = raws.filter((m) => m.weightKg !== null && m.weightKg > 0).at(-1);
    if (twoT && lastWeighing && lastWeighing.measuredOn >= prevStart) lists.twoT.push(row);
    if (latest) {
      const flags = new Set(latest.flags);
      const tbu = latest.categories.tbu;
      const bbtb = latest.categories.bbtb;
      if (!flags.has("zlen") && (tbu === "tbu.pendek" || tbu === "tbu.sangat_pendek"))
        lists.stunted.push(row);
      if (
        latest.oedema ||
        (!flags.has("zwfl") && (bbtb === "bbtb.gizi_kurang" || bbtb === "bbtb.gizi_buruk"))
      ) {
        lists.wasted.push(row);
      }
      if (flags.size > 0) lists.flagged.push(row);
    }
  }
  const counts = Object.fromEntries(REGISTRY_LISTS.map((l) => [l, lists[l].length])) as Record<
    RegistryListName,
    number
  >;
  return { regionCode, month, counts, lists };
}
