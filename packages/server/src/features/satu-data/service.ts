import {
  type Actor,
  type ChildPanel,
  type DashboardView,
  msIndMetadata,
  SATU_DATA_COLUMNS,
  SATU_DATA_DATASETS,
  type SatuDataDataset,
  type SatuDataNode,
  satuDataRows,
  toCsv,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { downloadName } from "../../documents/file-name";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { getDashboard } from "../indicators/service";

/** A file to download (the route sends it, the CLI writes it). */
export interface SatuDataFile {
  fileName: string;
  contentType: string;
  body: string;
}

// Spreadsheet programs need the mark to read UTF-8 ("–" in catatan); CSV readers drop it.
const BOM = "\uFEFF";
const LEVELS = ["kabupaten", "kecamatan", "desa"] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_LABEL: Record<Level, string> = {
  kabupaten: "Kabupaten",
  kecamatan: "Kecamatan",
  desa: "Desa/Kelurahan",
};

interface TreeNode {
  code: string;
  name: string;
  level: Level;
  parent: string | null;
  panel: ChildPanel;
}

/**
 * The region and every kecamatan and desa below it with the dashboard's child panel, read through the
 * indicators service one level at a time — so each count in the files is the very figure the dashboard
 * shows for that region and period. Returns the top dashboard too (its catalog rows feed the metadata).
 */
async function dashboardTree(
  db: Kysely<Database>,
  actor: Actor,
  region: string,
  period: string,
): Promise<{ top: DashboardView; nodes: TreeNode[] }> {
  const top = await getDashboard(db, actor, { region, period });
  if (!isLevel(top.region.level)) throw errors.notFound();
  const nodes: TreeNode[] = [
    { code: top.region.code, name: top.region.name, level: top.region.level, parent: null, panel: top.panel },
  ];
  let views = [top];
  while (views.length > 0) {
    const next: DashboardView[] = [];
    for (const v of views) {
      for (const row of v.rows) {
        if (!isLevel(row.region.level)) continue;
        nodes.push({
          code: row.region.code,
          name: row.region.name,
          level: row.region.level,
          parent: v.region.code,
          panel: row.panel,
        });
        if (row.region.level !== "desa")
          next.push(await getDashboard(db, actor, { region: row.region.code, period }));
      }
    }
    views = next;
  }
  return { top, nodes };
}

function isLevel(level: string): level is Level {
  return (LEVELS as readonly string[]).includes(level);
}

const PANEL_KEY: Record<SatuDataDataset["computation"], keyof Omit<ChildPanel, "flagged">> = {
  stunting_prevalence: "stunting",
  wasting_prevalence: "wasting",
  underweight_prevalence: "underweight",
  measurement_coverage: "coverage",
};

function datasetFiles(
  d: SatuDataDataset,
  top: DashboardView,
  nodes: readonly TreeNode[],
  period: string,
  now: string,
): { data: SatuDataFile; metadata: SatuDataFile } {
  // Files meant for the Indonesian open-data portal: named in Indonesian whatever the app's language.
  const name = (extra: string | null, ext: string) =>
    downloadName("id", {
      what: `satu-data-${d.slug}`,
      place: { kind: top.region.level, name: top.region.name },
      period,
      extra: [extra],
      ext,
    });
  const source = `Tumbuh, ${top.path[0]?.name ?? top.region.name} (${top.catalog.regulation})`;
  const table: SatuDataNode[] = nodes.map((n) => ({
    code: n.code,
    name: n.name,
    level: n.level,
    parent: n.parent,
    numerator: n.panel[PANEL_KEY[d.computation]].numerator,
    denominator: n.panel[PANEL_KEY[d.computation]].denominator,
  }));
  const rows = satuDataRows(table, { period, unit: "persen", source });
  const levels = LEVELS.filter((l) => nodes.some((n) => n.level === l)).map((l) => LEVEL_LABEL[l]);
  const catalog = { regulation: top.catalog.regulation, indicators: top.indicators };
  const metadata = msIndMetadata(d, catalog, {
    period,
    regionName: top.path[0]?.name ?? top.region.name,
    levels,
    producedAt: now,
  });
  return {
    data: {
      fileName: name(null, "csv"),
      contentType: "text/csv; charset=utf-8",
      body: `${BOM}${toCsv([[...SATU_DATA_COLUMNS], ...rows])}`,
    },
    metadata: {
      fileName: name("metadata", "json"),
      contentType: "application/json; charset=utf-8",
      body: `${JSON.stringify(metadata, null, 2)}\n`,
    },
  };
}

/**
 * Every Satu Data file of a region and period (one CSV and one MS-Ind JSON per dataset), or only the
 * datasets named. Signed-in users of the region only (the dashboard's own check: 404 outside the scope);
 * small cells are suppressed as on the public page because the files are meant for the open portal.
 * Audited: aggregate figures leave the system.
 */
export async function buildSatuData(
  db: Kysely<Database>,
  actor: Actor,
  input: { region: string; period: string; datasets?: readonly string[] },
  now = nowIso(),
): Promise<{ dataset: SatuDataDataset; data: SatuDataFile; metadata: SatuDataFile }[]> {
  const chosen = SATU_DATA_DATASETS.filter((d) => !input.datasets || input.datasets.includes(d.slug));
  const { top, nodes } = await dashboardTree(db, actor, input.region, input.period);
  const files = chosen.map((d) => ({ dataset: d, ...datasetFiles(d, top, nodes, input.period, now) }));
  await appendAudit(db, actor, {
    action: "satu_data.export",
    entity: "satu_data_export",
    entityId: null,
    regionCode: top.region.code,
    after: { period: input.period, datasets: chosen.map((d) => d.slug), regions: nodes.length },
  });
  return files;
}

/** One file for the download route. */
export async function satuDataFile(
  db: Kysely<Database>,
  actor: Actor,
  query: { region: string; period: string; dataset: string; part: "data" | "metadata" },
): Promise<SatuDataFile> {
  const [files] = await buildSatuData(db, actor, { ...query, datasets: [query.dataset] });
  if (!files) throw errors.notFound();
  return files[query.part];
}
