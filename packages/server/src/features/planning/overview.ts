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
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, headerRow, numberIn, say, type Words, words } from "../../documents/words";
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
  lang: DocLanguage = "id",
): Promise<{ overview: Overview; csv: string; fileName: string }> {
  const overview = await planningOverview(db, actor, regionCode, year);
  const place = await findRegion(db, readScopes(actor), regionCode);
  await appendAudit(db, actor, {
    action: "planning.overview_export",
    entity: "planning_overview",
    entityId: null,
    regionCode: overview.regionCode,
    after: { year, format: "csv", rows: overview.rows.length },
  });
  // The cycle's year and the budget year it plans (N + 1) both in the name, as in the title row.
  const fileName = downloadName(lang, {
    what: words("siklus-perencanaan", "planning-cycle"),
    place: place ?? null,
    extra: [String(year), say(lang, words("anggaran", "budget")), String(year + 1)],
    ext: "csv",
  });
  return { overview, csv: overviewCsv(overview, lang), fileName };
}

const STAGE_WORDS: Record<StageCode, Words> = {
  sosialisasi: words("Sosialisasi", "Socialisation"),
  pemetaan_sosial: words("Pemetaan sosial", "Social mapping"),
  fgd_desa: words("FGD desa", "Village FGD"),
  fgd_antar_desa: words("FGD antar desa", "Inter-village FGD"),
  rembuk: words("Rembuk stunting", "Stunting forum (rembuk)"),
  kampanye: words("Kampanye", "Campaign"),
  advokasi: words("Advokasi", "Advocacy"),
  rkp_desa: words("RKP Desa", "Village work plan (RKP Desa)"),
  apb_desa: words("APB Desa", "Village budget (APB Desa)"),
  usulan_kelurahan: words("Usulan kelurahan (Musrenbang)", "Kelurahan proposal (Musrenbang)"),
  apbd: words("APBD", "Regency budget (APBD)"),
};
const STATUS_WORDS: Record<StageStatus, Words> = {
  belum: words("Belum", "Not started"),
  berjalan: words("Berjalan", "In progress"),
  selesai: words("Selesai", "Done"),
  dilewati: words("Tidak dibutuhkan", "Not needed"),
};

/**
 * The regency's overview as a spreadsheet in the user's language: places and stages by name (no codes),
 * amounts as whole rupiah, the share with the language's decimal mark. The cycle's year and the budget
 * year it plans (N + 1) are both in the title row.
 */
export function overviewCsv(o: Overview, lang: DocLanguage = "id"): string {
  const stageCodes = STAGE_CODES;
  const title = say(
    lang,
    words(
      `Siklus perencanaan ${o.year} (untuk anggaran ${o.year + 1})`,
      `Planning cycle ${o.year} (for the ${o.year + 1} budget)`,
    ),
  );
  const head = headerRow(lang, [
    words("Desa/Kelurahan", "Village"),
    words("Kecamatan", "District"),
    words("Jenis", "Kind"),
    ...stageCodes.map((c) => STAGE_WORDS[c]),
    words("Tahap sekarang", "Current stage"),
    words("Tahap terlambat", "Late stages"),
    words("Disetujui kecamatan", "Approved by the district"),
    words("Pagu APB (Rp)", "Budget (IDR)"),
    words("Anggaran stunting (Rp)", "Stunting budget (IDR)"),
    words("Persen stunting", "Stunting share (%)"),
  ]);
  const yes = say(lang, words("ya", "yes"));
  const no = say(lang, words("tidak", "no"));
  const rows: CsvCell[][] = [[title], head];
  for (const r of o.rows) {
    rows.push([
      r.regionName,
      r.kecamatanName,
      say(lang, r.kind === "desa" ? words("Desa", "Village (desa)") : words("Kelurahan", "Kelurahan")),
      ...stageCodes.map((s) =>
        stagesOf(r.kind).some((x) => x.code === s) ? say(lang, STATUS_WORDS[r.statuses[s] ?? "belum"]) : "",
      ),
      r.currentStage ? say(lang, STAGE_WORDS[r.currentStage]) : say(lang, STATUS_WORDS.selesai),
      r.lateStages.map((c) => say(lang, STAGE_WORDS[c])).join(", "),
      r.approved ? yes : no,
      r.apbTotal,
      r.stuntingBudget,
      numberIn(lang, r.stuntingShare),
    ]);
  }
  rows.push([
    say(lang, words("JUMLAH", "TOTAL")),
    "",
    "",
    ...stageCodes.map(() => ""),
    "",
    String(o.total.late),
    "",
    o.total.apbTotal,
    o.total.stuntingBudget,
    numberIn(lang, o.total.stuntingShare),
  ]);
  return `\ufeff${toCsv(rows)}`;
}
