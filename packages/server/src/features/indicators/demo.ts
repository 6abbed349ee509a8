import { type Actor, SYSTEM_ACTOR } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { indicatorCatalog } from "./catalog-source";
import { enterValue } from "./service";

/**
 * Entered indicator values for the demo regency, as Dinas Kesehatan and Dinas Sosial would report them
 * (annex A.a.1, A.a.9, A.b.8 of Perbup Paser 47/2024) for last year and this year: the dashboard then
 * shows entered figures beside computed ones. Deterministic; goes through the service, so it is audited.
 * Only with the synthetic population (tests with `children: 0` get none).
 */
export async function createDemoIndicatorValues(
  db: Kysely<Database>,
  today: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  const year = Number(today.slice(0, 4));
  const values = [
    {
      indicatorId: "annex.A.a.1",
      period: String(year - 1),
      numerator: 212,
      denominator: 248,
      note: "Laporan gizi Dinas Kesehatan",
    },
    {
      indicatorId: "annex.A.a.9",
      period: String(year - 1),
      numerator: 4312,
      denominator: 4870,
      note: "PWS imunisasi",
    },
    { indicatorId: "annex.A.b.8", period: String(year - 1), value: 6985, note: "Data PKH Dinas Sosial" },
    {
      indicatorId: "annex.A.a.1",
      period: String(year),
      numerator: 171,
      denominator: 183,
      note: "Laporan gizi s.d. bulan lalu",
    },
  ];
  // Whatever catalog is loaded, only rows it has as entered indicators (the ids are the annex's numbering).
  const { catalog } = await indicatorCatalog(db, actor, "64.01");
  const entered = new Set(catalog.indicators.filter((d) => d.measure.mode === "entered").map((d) => d.id));
  for (const v of values) {
    if (entered.has(v.indicatorId)) await enterValue(db, actor, { regionCode: "64.01", ...v });
  }
}
