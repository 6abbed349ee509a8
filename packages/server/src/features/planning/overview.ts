import {
  type Actor,
  type CsvCell,
  type CycleKind,
  currentStage,
  cycleComplete,
  isLate,
  type Overview,
  type OverviewRow,
  readScopes,
  STAGE_CODES,
  type StageCode,
  type StageStatus,
  type StageStatuses,
  stageDeadline,
  stagesOf,
  stuntingShare,
  toCsv,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import { approvedCycles, budgetsOfCycles, cyclesIn, stagesOfCycles } from "./repository";

/**
 * Every desa/kelurahan under a region with its cycle's stage status, late stages and the stunting share of
 * the village budget (APB Desa; for a kelurahan the APBD allocation) — the regency's view of Paser Pasal
 * 9 k (APB Desa in line with the stunting policy) and the kecamatan's of Pasal 18 b/f.
 * A village without a cycle counts as not started, and late once its first deadline passed.
 */
export async function planningOverview(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<Overview> {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const villages = await db
    .selectFrom("regions")
    .select(["code", "name", "kind", "parent_code"])
    .where("level", "=", "desa")
    .where(withinScopes("code", scopes))
    .where(withinScopes("code", [regionCode]))
    .orderBy("code")
    .execute();
  const kecamatanCodes = [...new Set(villages.map((v) => v.parent_code ?? ""))];
  const kecamatan = new Map(
    (kecamatanCodes.length
      ? await db.selectFrom("regions").select(["code", "name"]).where("code", "in", kecamatanCodes).execute()
      : []
    ).map((k) => [k.code, k.name]),
  );
  const cycles = await cyclesIn(db, scopes, regionCode, year);
  const ids = cycles.map((c) => c.id);
  const [stages, budgets, approved] = await Promise.all([
    stagesOfCycles(db, scopes, ids),
    budgetsOfCycles(db, scopes, ids),
    approvedCycles(db, scopes, ids),
  ]);
  const statusesOf = new Map<string, StageStatuses>();
  for (const s of stages) {
    const m = statusesOf.get(s.cycle_id) ?? {};
    m[s.stage as StageCode] = s.status as StageStatus;
    statusesOf.set(s.cycle_id, m);
  }
  const cycleOf = new Map(cycles.map((c) => [c.region_code, c]));
  const today = todayIso();
  const rows: OverviewRow[] = villages.map((v) => {
    const kind: CycleKind = v.kind === "kelurahan" ? "kelurahan" : "desa";
    const c = cycleOf.get(v.code);
    const statuses = c ? (statusesOf.get(c.id) ?? {}) : {};
    const lateStages = stagesOf(kind)
      .filter((s) =>
        isLate(statuses[s.code] ?? "belum", stageDeadline(kind, year, s.code, c?.musyawarah_date), today),
      )
      .map((s) => s.code);
    const budget = c ? (budgets.get(c.id) ?? 0) : 0;
    return {
      regionCode: v.code,
      regionName: v.name,
      kecamatanCode: v.parent_code ?? "",
      kecamatanName: kecamatan.get(v.parent_code ?? "") ?? "",
      kind,
      cycleId: c?.id ?? null,
      statuses,
      currentStage: currentStage(kind, statuses),
      lateStages,
      complete: cycleComplete(kind, statuses),
      approved: c ? approved.has(c.id) : false,
      apbTotal: c?.apb_total ?? null,
      stuntingBudget: budget,
      stuntingShare: stuntingShare(budget, c?.apb_total ?? null),
    };
  });
  // The total share is over villages that recorded a budget: unknown budgets are left out, not taken as 0.
  const withBudget = rows.filter((r) => r.apbTotal !== null);
  const apbTotal = withBudget.reduce((a, r) => a + (r.apbTotal ?? 0), 0);
  const stuntingBudget = withBudget.reduce((a, r) => a + r.stuntingBudget, 0);
  return {
    regionCode,
    year,
    asOf: today,
    rows,
    total: {
      villages: rows.length,
      late: rows.filter((r) => r.lateStages.length > 0).length,
      complete: rows.filter((r) => r.complete).length,
      apbTotal,
      stuntingBudget,
      stuntingShare: stuntingShare(stuntingBudget, apbTotal > 0 ? apbTotal : null),
    },
  };
}

/** The overview as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the names right). */
/** The overview as a download, audited in the region it covers (every export is). */
export async function planningOverviewCsv(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<{ overview: Overview; csv: string }> {
  const overview = await planningOverview(db, actor, regionCode, year);
  await appendAudit(db, actor, {
    action: "planning.overview_export",
    entity: "planning_overview",
    entityId: null,
    regionCode: overview.regionCode,
    after: { year, format: "csv", rows: overview.rows.length },
  });
  return { overview, csv: overviewCsv(overview) };
}

export function overviewCsv(o: Overview): string {
  const stageCodes = STAGE_CODES;
  const head = [
    "kode_wilayah",
    "desa_kelurahan",
    "kecamatan",
    "jenis",
    ...stageCodes,
    "tahap_sekarang",
    "tahap_terlambat",
    "disetujui_kecamatan",
    "pagu_apb",
    "anggaran_stunting",
    "persen_stunting",
  ];
  const rows: CsvCell[][] = [head];
  for (const r of o.rows) {
    rows.push([
      r.regionCode,
      r.regionName,
      r.kecamatanName,
      r.kind,
      ...stageCodes.map((s) =>
        stagesOf(r.kind).some((x) => x.code === s) ? (r.statuses[s] ?? "belum") : "",
      ),
      r.currentStage ?? "selesai",
      r.lateStages.join(" "),
      r.approved ? "ya" : "tidak",
      r.apbTotal,
      r.stuntingBudget,
      r.stuntingShare,
    ]);
  }
  rows.push([
    "",
    "TOTAL",
    "",
    "",
    ...stageCodes.map(() => ""),
    "",
    String(o.total.late),
    "",
    o.total.apbTotal,
    o.total.stuntingBudget,
    o.total.stuntingShare,
  ]);
  return `\ufeff${toCsv(rows)}`;
}
