import { type Actor, type ChartView, type MeasurementView, readScopes } from "@tumbuh/core";
import { chartFor, measurementViews } from "@tumbuh/core/growth-views";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { tanggal } from "../../documents/dates-id";
import { downloadName } from "../../documents/file-name";
import { type Content, renderPdf } from "../../documents/pdf";
import { type DocLanguage, words } from "../../documents/words";
import { errors } from "../../errors";
import { appendAudit } from "../audit/service";
import { measurementsOf } from "../measurements/service";
import { findRegionsByCode } from "../regions/service";
import { findPerson } from "./repository";

/**
 * The KMS-like growth card of a child (Kartu Menuju Sehat, Buku KIA 2023 pp. 52–55): the WHO 2006
 * weight-for-age lines of the child's sex (−3 … +3 SD; Permenkes 2/2020 uses the same standard), the
 * child's weighings as dots joined by a line, and under each weighing N (naik) or T (tidak naik) as
 * the Buku KIA 2023 p. 54 defines them (the registry's `weighing` status, same rule as the SKDN).
 */
export async function growthCard(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  lang: DocLanguage = "id",
): Promise<{ pdf: Buffer; fileName: string }> {
  const person = await findPerson(db, readScopes(actor), id);
  if (!person || person.merged_into) throw errors.notFound();
  const child = { sex: (person.sex === 2 ? 2 : 1) as 1 | 2, birthDate: person.birth_date };
  const raws = await measurementsOf(db, person.id);
  const chart = chartFor(child, "bbu", raws);
  const { views } = measurementViews(child, raws);
  // The posyandu (or dusun) and its desa by name, never the code.
  const desaCode = person.region_code.split(".").slice(0, 4).join(".");
  const regions = await findRegionsByCode(db, [...new Set([person.region_code, desaCode])]);
  const place = regions
    .sort((a, b) => b.code.length - a.code.length)
    .map((r) => (r.level === "desa" ? `Desa ${r.name}` : r.name))
    .join(", ");
  const pdf = await renderPdf(
    cardDocument({ name: person.name, ...child, place, parent: person.parent_name }, chart, views),
  );
  // A child's health record leaves the system: audited in the child's region.
  await appendAudit(db, actor, {
    action: "person.export",
    entity: "person",
    entityId: person.id,
    regionCode: person.region_code,
  });
  return {
    pdf,
    fileName: downloadName(lang, { what: words("kms", "growth-card"), who: person.name, ext: "pdf" }),
  };
}

const W = 515;
const H = 330;
const PAD = { left: 34, right: 30, top: 10, bottom: 30 };
/** KMS colours: the −2/+2 lines red (Buku KIA "garis merah"), the median green, ±3 black. */
const LINE_COLOURS = ["#222222", "#c62828", "#e0a100", "#2e7d32", "#e0a100", "#c62828", "#222222"];
const LINE_NAMES = ["-3", "-2", "-1", "0", "+1", "+2", "+3"];
const comma = (n: number, digits = 1) => n.toFixed(digits).replace(".", ",");

/** The chart as SVG (pdfmake draws it with the embedded font). Exported for the test. */
export function chartSvg(
  chart: ChartView,
  sexColour: string,
  letters: ReadonlyMap<string, string> = new Map(),
): string {
  const xs = chart.curves.map((c) => c.x);
  const xMax = Math.max(...xs);
  const yMax = Math.ceil(Math.max(...chart.curves.map((c) => c.sd[6]), ...chart.points.map((p) => p.y)));
  const pw = W - PAD.left - PAD.right;
  const ph = H - PAD.top - PAD.bottom;
  const px = (x: number) => PAD.left + (x / xMax) * pw;
  const py = (y: number) => PAD.top + ph - (y / yMax) * ph;
  const parts: string[] = [
    `<rect x="${PAD.left}" y="${PAD.top}" width="${pw}" height="${ph}" fill="${sexColour}" stroke="#888" stroke-width="0.5"/>`,
  ];
  // The healthy band between −2 and +2 SD tinted green, as the KMS does.
  const band = [
    ...chart.curves.map((c) => `${px(c.x)},${py(c.sd[5])}`),
    ...[...chart.curves].reverse().map((c) => `${px(c.x)},${py(c.sd[1])}`),
  ].join(" ");
  parts.push(`<polygon points="${band}" fill="#c8e6c9" fill-opacity="0.6"/>`);
  for (let m = 0; m <= xMax; m += 1) {
    const major = m % 6 === 0;
    parts.push(
      `<line x1="${px(m)}" y1="${PAD.top}" x2="${px(m)}" y2="${PAD.top + ph}" stroke="#bbb" stroke-width="${major ? 0.6 : 0.2}"/>`,
    );
    if (major || xMax <= 24)
      parts.push(
        `<text x="${px(m)}" y="${PAD.top + ph + 10}" font-size="7" text-anchor="middle">${m}</text>`,
      );
  }
  for (let kg = 0; kg <= yMax; kg += 1) {
    parts.push(
      `<line x1="${PAD.left}" y1="${py(kg)}" x2="${PAD.left + pw}" y2="${py(kg)}" stroke="#bbb" stroke-width="${kg % 2 === 0 ? 0.5 : 0.2}"/>`,
    );
    if (kg % 2 === 0)
      parts.push(
        `<text x="${PAD.left - 4}" y="${py(kg) + 2.5}" font-size="7" text-anchor="end">${kg}</text>`,
      );
  }
  chart.curves[0]?.sd.forEach((_, i) => {
    const pts = chart.curves.map((c) => `${px(c.x)},${py(c.sd[i] as number)}`).join(" ");
    parts.push(
      `<polyline points="${pts}" fill="none" stroke="${LINE_COLOURS[i]}" stroke-width="${i === 3 ? 1.2 : 0.9}"/>`,
    );
    const last = chart.curves.at(-1);
    if (last)
      parts.push(
        `<text x="${px(last.x) + 3}" y="${py(last.sd[i] as number) + 2.5}" font-size="7" fill="${LINE_COLOURS[i]}">${LINE_NAMES[i]}</text>`,
      );
  });
  if (chart.points.length > 1)
    parts.push(
      `<polyline points="${chart.points.map((p) => `${px(p.x)},${py(p.y)}`).join(" ")}" fill="none" stroke="#0d47a1" stroke-width="1.2"/>`,
    );
  for (const p of chart.points)
    parts.push(
      `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="2.4" fill="${p.flagged ? "#ffffff" : "#0d47a1"}" stroke="#0d47a1" stroke-width="1"/>`,
      `<text x="${px(p.x)}" y="${py(p.y) + 11}" font-size="7" text-anchor="middle" fill="${letters.get(p.measuredOn) === "T" ? "#c62828" : "#0d47a1"}">${letters.get(p.measuredOn) ?? ""}</text>`,
    );
  parts.push(
    `<text x="${PAD.left + pw / 2}" y="${H - 4}" font-size="8" text-anchor="middle">Umur (bulan)</text>`,
    `<text x="8" y="${PAD.top + ph / 2}" font-size="8" text-anchor="middle" transform="rotate(-90 8 ${PAD.top + ph / 2})">Berat badan (kg)</text>`,
  );
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join("")}</svg>`;
}

function cardDocument(
  child: { name: string; sex: 1 | 2; birthDate: string; place: string; parent: string | null },
  chart: ChartView,
  views: readonly MeasurementView[],
) {
  const girl = child.sex === 2;
  const weighings = views.filter((v) => v.weightKg !== null);
  const rows = weighings.map((v) => [
    { text: tanggal(v.measuredOn) },
    { text: v.ageMonths === null ? "—" : comma(v.ageMonths) },
    { text: comma(v.weightKg as number) },
    { text: v.weighing ?? "—", bold: true, color: v.weighing === "T" ? "#c62828" : "#000000" },
    { text: v.flags.includes("zwei") ? "perlu diukur ulang" : "" },
  ]);
  const content: Content[] = [
    {
      text: `KARTU MENUJU SEHAT (KMS) — ${girl ? "ANAK PEREMPUAN" : "ANAK LAKI-LAKI"}`,
      style: "title",
      color: girl ? "#ad1457" : "#1565c0",
    },
    {
      columns: [
        {
          text: [
            { text: "Nama: ", color: "#555" },
            { text: child.name, bold: true },
          ],
        },
        { text: [{ text: "Tanggal lahir: ", color: "#555" }, tanggal(child.birthDate)] },
      ],
      margin: [0, 6, 0, 0],
    },
    {
      columns: [
        { text: [{ text: "Orang tua: ", color: "#555" }, child.parent ?? "—"] },
        { text: [{ text: "Wilayah: ", color: "#555" }, child.place || "—"] },
      ],
      margin: [0, 2, 0, 8],
    },
    { text: "Berat badan menurut umur (BB/U)", style: "h2" },
    {
      svg: chartSvg(
        chart,
        girl ? "#fdf1f6" : "#f0f5fd",
        new Map(weighings.flatMap((v) => (v.weighing ? [[v.measuredOn, v.weighing]] : []))),
      ),
      width: W,
    } as Content,
    {
      text: "Garis: median (0, hijau), −2 dan +2 SD (merah), −3 dan +3 SD (hitam); pita hijau = −2 s.d. +2 SD. Titik kosong = nilai di luar batas wajar WHO (perlu diukur ulang).",
      fontSize: 7.5,
      color: "#555",
      margin: [0, 2, 0, 8],
    },
    { text: "Hasil penimbangan", style: "h2" },
    weighings.length === 0
      ? { text: "Belum ada penimbangan.", italics: true }
      : {
          table: {
            headerRows: 1,
            widths: [95, 60, 60, 40, "*"],
            body: [
              ["Tanggal", "Umur (bulan)", "BB (kg)", "N/T", "Catatan"].map((h) => ({ text: h, bold: true })),
              ...rows,
            ],
          },
          layout: "lightHorizontalLines",
          fontSize: 9,
        },
    {
      text: "N = naik: grafik BB mengikuti garis pertumbuhan atau kenaikan BB ≥ KBM. T = tidak naik: grafik mendatar atau menurun memotong garis di bawahnya atau kenaikan BB < KBM. O = bulan lalu tidak ditimbang; B = baru pertama kali ditimbang. Rujuk bila BB tidak naik (T), di bawah garis merah atau di atas garis oranye (Buku KIA 2023, hal. 54). Garis pertumbuhan: Standar Pertumbuhan Anak WHO 2006, sesuai Permenkes 2/2020.",
      fontSize: 7.5,
      color: "#555",
      margin: [0, 8, 0, 0],
    },
  ];
  return {
    info: { title: `KMS — ${child.name}` },
    pageMargins: [40, 32, 40, 40],
    content,
    styles: {
      title: { fontSize: 13, bold: true, alignment: "center" },
      h2: { fontSize: 10.5, bold: true, margin: [0, 4, 0, 4] },
    },
  } as Parameters<typeof renderPdf>[0];
}
