import { createHash } from "node:crypto";
import {
  formatPercent,
  isSmallCell,
  type PublicationRow,
  type PublicationView,
  suppressTable,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { renderPdf, type TableCell } from "../../documents/pdf";
import { errors } from "../../errors";
import type { JobRunner } from "../jobs/service";
import { indicatorCatalog } from "./catalog-source";
import { cachedFigures, figuresGeneration } from "./figures-cache";
import { figuresFreshness } from "./freshness";
import { SUPPRESSED } from "./tables";

/**
 * The yearly public publication of the regency's stunting data (Paser Pasal 9 p "mempublikasikan hasil
 * capaian kinerja penurunan Stunting"; the annex's one publication per year): counts of children 0–59
 * months per kecamatan and desa for the calendar year (each child once, by its latest measurement of the
 * year, see core child-counts), aggregates only, no login. Counts of 1–4 and their complements are
 * suppressed (core suppression.ts); a percent is shown only when every count it is made of is shown.
 */
export async function getPublication(
  db: Kysely<Database>,
  year: number,
  today = todayIso(),
  /** The server's job runner: figures behind are rebuilt there while this answers (else rebuilt first). */
  jobs: JobRunner | null = null,
): Promise<PublicationView> {
  if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4))) throw errors.notFound();
  const freshness = await figuresFreshness(db, jobs, today);
  const { catalog } = await indicatorCatalog(db, null);
  const regency = await db
    .selectFrom("regions")
    .select(["code", "name", "level"])
    .where("code", "=", catalog.regency)
    .executeTakeFirst();
  if (!regency) throw errors.notFound();
  const regions = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "parent_code"])
    .where(withinScopes("code", [regency.code]))
    .where("level", "in", ["kecamatan", "desa"])
    .orderBy("code")
    .execute();
  const agg = await cachedFigures(
    db,
    await figuresGeneration(db),
    `publication|${regency.code}|${year}`,
    () =>
      db
        .selectFrom("indicator_desa_periods")
        .selectAll()
        .where(withinScopes("desa_code", [regency.code]))
        .where("period", "=", String(year))
        .execute(),
  );
  const byDesa = new Map(agg.map((a) => [a.desa_code, a]));

  type Counts = {
    registered: number;
    measured: number;
    stunted: number;
    lenN: number;
    wasted: number;
    wflN: number;
    underweight: number;
    weiN: number;
  };
  const zero = (): Counts => ({
    registered: 0,
    measured: 0,
    stunted: 0,
    lenN: 0,
    wasted: 0,
    wflN: 0,
    underweight: 0,
    weiN: 0,
  });
  const totals = new Map<string, Counts>([[regency.code, zero()]]);
  for (const r of regions) totals.set(r.code, zero());
  for (const r of regions.filter((x) => x.level === "desa")) {
    const a = byDesa.get(r.code);
    if (!a) continue;
    for (const code of [r.code, r.parent_code ?? "", regency.code]) {
      const t = totals.get(code);
      if (!t) continue;
      t.registered += a.registered;
      t.measured += a.measured;
      t.stunted += a.stunted;
      t.lenN += a.len_n;
      t.wasted += a.wasted;
      t.wflN += a.wfl_n;
      t.underweight += a.underweight;
      t.weiN += a.wei_n;
    }
  }
  const tree = [
    { code: regency.code, name: regency.name, level: "kabupaten" as const, parent: null as string | null },
  ].concat(
    regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level as "kabupaten",
      parent: r.parent_code,
    })),
  );
  const columns = ["registered", "measured", "stunted", "wasted", "underweight"] as const;
  // Two counts of a row shown side by side publish their difference (registered − weighed = not weighed),
  // so the differences are suppressed like counts (core suppressTable).
  const hidden = suppressTable(
    tree,
    (code, col: (typeof columns)[number]) => totals.get(code)?.[col] ?? 0,
    columns,
    [
      ["registered", "measured"],
      ["measured", "stunted"],
      ["measured", "wasted"],
      ["measured", "underweight"],
    ],
  );
  // A percent also gives its denominator (children with a usable length, say) and so the children not
  // counted in it: hidden when that difference is 1–4.
  const pct =
    (num: number, den: number, ...cols: (typeof columns)[number][]) =>
    (code: string) =>
      cols.some((c) => hidden[c].has(code)) || den === 0 || isSmallCell(den - num) ? null : (100 * num) / den;

  const rows: PublicationRow[] = tree.map((n) => {
    const t = totals.get(n.code) ?? zero();
    const show = (col: (typeof columns)[number]) => (hidden[col].has(n.code) ? null : t[col]);
    return {
      code: n.code,
      name: n.name,
      level: n.level,
      parent: n.parent,
      registered: show("registered"),
      measured: show("measured"),
      stunted: show("stunted"),
      wasted: show("wasted"),
      underweight: show("underweight"),
      coverage: pct(t.measured, t.registered, "measured", "registered")(n.code),
      stunting: pct(t.stunted, t.lenN, "stunted", "measured")(n.code),
      wasting: pct(t.wasted, t.wflN, "wasted", "measured")(n.code),
      underweightPct: pct(t.underweight, t.weiN, "underweight", "measured")(n.code),
    };
  });
  return {
    regency: { code: regency.code, name: regency.name, level: regency.level },
    year,
    generatedAt: today,
    rows,
    freshness,
  };
}

/**
 * The public PDF, rendered once per version of the publication (its figures, rows and date; issue 18: an
 * anonymous download must not render a 160-row PDF every time). A few versions are kept, the oldest dropped.
 */
const pdfCache = new Map<string, Promise<Buffer>>();
const PDF_VERSIONS_KEPT = 8;

export function cachedPublicationPdf(v: PublicationView): Promise<Buffer> {
  const { freshness: _, ...content } = v;
  const key = createHash("sha256").update(JSON.stringify(content)).digest("hex");
  let pdf = pdfCache.get(key);
  if (!pdf) {
    pdf = publicationPdf(v);
    pdf.catch(() => pdfCache.delete(key));
    pdfCache.set(key, pdf);
    for (const old of pdfCache.keys()) {
      if (pdfCache.size <= PDF_VERSIONS_KEPT) break;
      pdfCache.delete(old);
    }
  }
  return pdf;
}

const fmt = (v: number | string | null, percent = false) =>
  v === null
    ? percent
      ? "–"
      : SUPPRESSED
    : typeof v === "number"
      ? percent
        ? formatPercent(v, "id", { decimals: 1 })
        : v.toLocaleString("id-ID")
      : v;

/** The publication as a printable A4 landscape PDF: kecamatan rows bold, their desa below. */
export async function publicationPdf(v: PublicationView): Promise<Buffer> {
  const header: TableCell[] = [
    "Wilayah",
    "Balita terdaftar",
    "Ditimbang",
    "Cakupan %",
    "Stunting",
    "Prevalensi stunting %",
    "Wasting",
    "Wasting %",
    "Underweight",
    "Underweight %",
  ].map((t) => ({ text: t, bold: true, fillColor: "#e8f0ea" }));
  const body: TableCell[][] = [header];
  for (const r of v.rows) {
    const bold = r.level !== "desa";
    const name = r.level === "desa" ? `    ${r.name}` : r.level === "kecamatan" ? `Kec. ${r.name}` : r.name;
    body.push(
      [
        name,
        fmt(r.registered),
        fmt(r.measured),
        fmt(r.coverage, true),
        fmt(r.stunted),
        fmt(r.stunting, true),
        fmt(r.wasted),
        fmt(r.wasting, true),
        fmt(r.underweight),
        fmt(r.underweightPct, true),
      ].map((t, i) => ({ text: String(t), bold, alignment: i === 0 ? "left" : "right" }) as TableCell),
    );
  }
  return renderPdf({
    pageOrientation: "landscape",
    info: { title: `Publikasi data stunting ${v.regency.name} ${v.year}` },
    defaultStyle: { fontSize: 8 },
    footer: (page: number, pages: number) => ({
      text: `${v.regency.name} · data stunting ${v.year} · halaman ${page} dari ${pages}`,
      alignment: "center",
      fontSize: 7,
      margin: [0, 16, 0, 0],
    }),
    content: [
      { text: `Publikasi Data Stunting ${v.regency.name} Tahun ${v.year}`, fontSize: 14, bold: true },
      {
        text:
          "Balita 0–59 bulan menurut tempat tinggal; setiap balita dihitung sekali menurut pengukuran terakhirnya " +
          "dalam tahun ini; stunting = TB/U < −2 SD, wasting = BB/TB < −2 SD, underweight = BB/U < −2 SD " +
          "(Standar WHO, Permenkes 2/2020); nilai yang ditandai tidak masuk akal oleh WHO tidak dihitung.",
        margin: [0, 4, 0, 2],
      },
      {
        text:
          `Jumlah 1–4 ditulis "${SUPPRESSED}" dan, bila perlu, satu wilayah lain ikut disamarkan agar jumlah kecil ` +
          "tidak dapat dihitung dari total kecamatan (perlindungan data pribadi, UU 27/2022). " +
          `Amanat Perbup Paser 47/2024 Pasal 9 huruf p. Dibuat ${v.generatedAt}.`,
        margin: [0, 0, 0, 8],
        color: "#555555",
      },
      {
        table: { headerRows: 1, widths: ["*", 50, 50, 45, 45, 55, 45, 45, 55, 55], body },
        layout: "lightHorizontalLines",
      },
    ],
  });
}
