import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Actor,
  type CatalogError,
  type CatalogHistory,
  type CatalogView,
  catalogRegencyFor,
  formatCatalogError,
  IndicatorCatalog,
  type IndicatorDef,
  mayEditCatalog,
  mayReadCatalog,
  parseCatalog,
  type TargetEdit,
  validateCatalog,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { DATA_DIR } from "../../data-files";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { downloadName } from "../../documents/file-name";
import { type DocLanguage, words } from "../../documents/words";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegionsByCode } from "../regions/service";
import {
  catalogContent,
  catalogRegencies,
  catalogVersions,
  currentCatalogHead,
  currentCatalogVersion,
  insertCatalogVersion,
} from "./repository";

/** The catalog shipped with Tumbuh (Peraturan Bupati Paser Nomor 47 Tahun 2024), see data/indicators. */
export const SHIPPED_CATALOG_FILE = join(DATA_DIR, "indicators", "paser-47-2024.json");

let shipped: IndicatorCatalog | undefined;
/** The shipped file, read and validated once. An invalid shipped file is a build defect, not user input. */
export function shippedCatalog(): IndicatorCatalog {
  if (!shipped) {
    const result = parseCatalog(readFileSync(SHIPPED_CATALOG_FILE, "utf8"));
    if (!result.ok) throw new Error(`shipped catalog: ${result.errors.map(formatCatalogError).join("; ")}`);
    shipped = result.catalog;
  }
  return shipped;
}

/**
 * A stored version's content. It was validated when stored, so a version that no longer parses is a
 * defect (or a hand-edited database) and fails loudly rather than reaching the dashboards half-read.
 */
function storedCatalog(content: string): IndicatorCatalog {
  return IndicatorCatalog.parse(JSON.parse(content));
}

/**
 * Stored versions already parsed, by id. A version is never changed once stored (an edit stores the next
 * one), so each is read and parsed once: every dashboard and public page asks for the catalog, and reading
 * and parsing its ~80 KB took ~5 ms of the event loop each time (issue 18). Callers only read it.
 */
const parsedVersions = new Map<string, IndicatorCatalog>();
const MAX_PARSED = 32;

async function storedVersion(db: Kysely<Database>, id: string): Promise<IndicatorCatalog> {
  const hit = parsedVersions.get(id);
  if (hit) return hit;
  const content = await catalogContent(db, id);
  if (content === undefined) throw new Error(`indicator catalog version ${id} vanished`);
  const catalog = storedCatalog(content);
  if (parsedVersions.size >= MAX_PARSED) parsedVersions.delete(parsedVersions.keys().next().value as string);
  parsedVersions.set(id, catalog);
  return catalog;
}

/** The regency a request is about, after checking the actor may read its catalog (else 404, like any region). */
function readableRegency(actor: Actor, requested: string | undefined): string {
  const regency = catalogRegencyFor(actor, requested);
  if (regency === null)
    throw errors.validation("regency", "regency: say which regency's catalog (for example ?regency=64.01)");
  if (!mayReadCatalog(actor, regency)) throw errors.notFound();
  return regency;
}

function editableRegency(actor: Actor, requested: string | undefined): string {
  const regency = readableRegency(actor, requested);
  if (!mayEditCatalog(actor, regency)) throw errors.forbidden();
  return regency;
}

async function current(db: Kysely<Database>, actor: Actor, regency: string): Promise<CatalogView | null> {
  const row = await currentCatalogHead(db, regency);
  const canEdit = mayEditCatalog(actor, regency);
  if (row) {
    return {
      regency,
      version: row.version,
      origin: row.origin,
      updatedAt: row.created_at,
      updatedBy: row.created_by_name,
      canEdit,
      catalog: await storedVersion(db, row.id),
    };
  }
  // First use: the shipped file serves its own regency until an admin imports or edits something.
  const file = shippedCatalog();
  if (file.regency !== regency) return null;
  return { regency, version: 0, origin: "shipped", updatedAt: null, updatedBy: null, canEdit, catalog: file };
}

/**
 * The regency's current catalog — the hook for the achievement engine and dashboards (issue 7).
 * `regency` defaults to the one the actor is assigned in; 404 when the actor may not read it or the
 * regency has no catalog yet.
 */
export async function getCatalog(db: Kysely<Database>, actor: Actor, regency?: string): Promise<CatalogView> {
  const code = readableRegency(actor, regency);
  const view = await current(db, actor, code);
  if (!view) throw errors.notFound();
  return view;
}

/**
 * The catalog of the deployment's regency for pages without a signed-in user (the public publication):
 * the one regency with a stored catalog, else the shipped file's. 404 when the deployment holds several.
 */
export async function publicCatalog(db: Kysely<Database>): Promise<IndicatorCatalog> {
  const stored = await catalogRegencies(db);
  if (stored.length > 1) throw errors.notFound();
  const regency = stored[0] ?? shippedCatalog().regency;
  const row = await currentCatalogHead(db, regency);
  return row ? storedVersion(db, row.id) : shippedCatalog();
}

export async function catalogHistory(
  db: Kysely<Database>,
  actor: Actor,
  regency?: string,
): Promise<CatalogHistory> {
  const code = readableRegency(actor, regency);
  const rows = await catalogVersions(db, code);
  return {
    regency: code,
    versions: rows.map((r) => ({
      version: r.version,
      origin: r.origin,
      summary: r.summary,
      at: r.created_at,
      by: r.created_by_name,
    })),
  };
}

/** The catalog file to download; audited, as the issue asks, since it leaves the system. */
export async function exportCatalog(
  db: Kysely<Database>,
  actor: Actor,
  regency?: string,
  lang: DocLanguage = "id",
): Promise<{ fileName: string; text: string }> {
  const view = await getCatalog(db, actor, regency);
  const [place] = await findRegionsByCode(db, [view.regency]);
  await appendAudit(db, actor, {
    action: "indicator_catalog.export",
    entity: "indicator_catalog",
    entityId: view.regency,
    regionCode: view.regency,
    after: { version: view.version, indicators: view.catalog.indicators.length },
  });
  return {
    fileName: downloadName(lang, {
      what: words("katalog-indikator", "indicator-catalogue"),
      place: place ?? null,
      extra: [`v${view.version}`],
      ext: "json",
    }),
    text: `${JSON.stringify(view.catalog, null, 2)}\n`,
  };
}

function catalogErrors(list: CatalogError[]): never {
  const first = list[0];
  const field =
    first === undefined
      ? "(file)"
      : first.index === null
        ? first.field
        : `indicators.${first.index}.${first.field}`;
  const shown = list.slice(0, 20).map(formatCatalogError).join("; ");
  const more = list.length > 20 ? ` (and ${list.length - 20} more)` : "";
  throw errors.validation(field, `The catalog file has ${list.length} error(s): ${shown}${more}`);
}

async function storeVersion(
  db: Kysely<Database>,
  actor: Actor,
  regency: string,
  previous: CatalogView | null,
  catalog: IndicatorCatalog,
  origin: "import" | "target",
  summary: string,
  audit: { action: string; entityId: string; before: unknown; after: unknown },
): Promise<number> {
  const version = (previous?.version ?? 0) + 1;
  await inTransaction(db, async (trx) => {
    // The unique (regency, version) index turns a concurrent write into a conflict instead of a lost edit.
    const now = await currentCatalogVersion(trx, regency);
    if ((now?.version ?? 0) !== (previous?.version ?? 0))
      throw errors.conflict("The catalog changed meanwhile; reload and try again.");
    await insertCatalogVersion(trx, {
      id: uuidv7(),
      regency_code: regency,
      version,
      content: JSON.stringify(catalog),
      origin,
      summary,
      created_at: nowIso(),
      created_by: actor.userId,
    });
    await appendAudit(trx, actor, {
      action: audit.action,
      entity: "indicator_catalog",
      entityId: audit.entityId,
      regionCode: regency,
      before: audit.before,
      after: audit.after,
    });
  });
  return version;
}

/** Replace the regency's catalog with a whole file (admin only); the previous version stays as history. */
export async function importCatalog(
  db: Kysely<Database>,
  actor: Actor,
  body: unknown,
  regency?: string,
): Promise<CatalogView> {
  const code = editableRegency(actor, regency);
  const result = validateCatalog(body);
  if (!result.ok) catalogErrors(result.errors);
  const catalog = result.catalog;
  if (catalog.regency !== code)
    throw errors.validation(
      "regency",
      `regency: the file is for ${catalog.regency}, this is the catalog of ${code}`,
    );
  const previous = await current(db, actor, code);
  const n = catalog.indicators.length;
  await storeVersion(db, actor, code, previous, catalog, "import", `${n} indicators imported`, {
    action: "indicator_catalog.import",
    entityId: code,
    before: previous ? { version: previous.version, indicators: previous.catalog.indicators.length } : null,
    after: { version: (previous?.version ?? 0) + 1, regulation: catalog.regulation, indicators: n },
  });
  return getCatalog(db, actor, code);
}

export async function editTarget(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: TargetEdit,
  regency?: string,
): Promise<{ version: number; indicator: IndicatorDef }> {
  const code = editableRegency(actor, regency);
  const previous = await current(db, actor, code);
  if (!previous) throw errors.notFound();
  const index = previous.catalog.indicators.findIndex((d) => d.id === id);
  const before = previous.catalog.indicators[index];
  if (!before) throw errors.notFound();
  const after: IndicatorDef = {
    ...before,
    target: {
      ...before.target,
      ...(input.value !== undefined ? { value: input.value } : {}),
      ...(input.original !== undefined ? { original: input.original } : {}),
    },
    year: input.year !== undefined ? input.year : before.year,
  };
  const indicators = previous.catalog.indicators.map((d, i) => (i === index ? after : d));
  const result = validateCatalog({ ...previous.catalog, indicators });
  if (!result.ok) {
    const mine = result.errors.find((e) => e.index === index) ?? result.errors[0];
    const field = mine?.field === "year" ? "year" : (mine?.field.replace(/^target\./, "") ?? "value");
    throw errors.validation(field, `${field}: ${mine?.message ?? "invalid"}`);
  }
  const summary = `${id}: ${describe(before)} → ${describe(after)}`;
  const version = await storeVersion(db, actor, code, previous, result.catalog, "target", summary, {
    action: "indicator_catalog.target",
    entityId: id,
    before: { version: previous.version, target: before.target, year: before.year },
    after: { version: previous.version + 1, target: after.target, year: after.year },
  });
  return { version, indicator: after };
}

function describe(d: IndicatorDef): string {
  return `${d.target.value ?? "—"}${d.year === null ? "" : ` (${d.year})`}`;
}
