import {
  NARRATIVE_LABELS,
  type NarrativeField,
  periodLabel,
  REPORT_KINDS,
  type ReportView,
} from "@tumbuh/core";
import { tanggal } from "../../documents/dates-id";
import { type Content, renderPdf, type TableCell } from "../../documents/pdf";
import { printFigure } from "./format";

const STATUS = {
  draft: "DRAF",
  issued: "Diterbitkan",
  acknowledged: "Diterbitkan dan sudah ditanggapi",
} as const;

/** The column that stretches: the second text column when there are two (code, text), else the first. */
function firstWide(units: readonly string[]): number {
  const text = units.flatMap((u, i) => (u === "text" ? [i] : []));
  return text.length > 1 && text[0] === 0 && units.length > 4 ? (text[1] as number) : (text[0] ?? 0);
}

/**
 * The report as a PDF document: the article that requires it and what it says, the frozen figures (only
 * what `figures` holds — nothing is computed here), the narrative and the signature blocks of the
 * positions the article names. Rendered once when the report is issued (features/reports/jobs.ts).
 */
export async function reportPdf(r: ReportView): Promise<Buffer> {
  const def = REPORT_KINDS[r.kind];
  const content: Content[] = [
    { text: def.title.id.toUpperCase(), style: "title" },
    {
      text: `${r.regionName} — ${periodLabel(r.period)}`,
      alignment: "center",
      bold: true,
      margin: [0, 2, 0, 6],
    },
    {
      text: `Dasar: ${def.source}. ${def.basis}`,
      fontSize: 8,
      color: "#444",
      margin: [0, 0, 0, 6],
    },
    {
      columns: [
        { text: `Kepada: ${r.recipientName ?? def.recipientTitle}`, fontSize: 9 },
        {
          text:
            r.version === 0
              ? `Pratinjau angka saat ini (belum diterbitkan) · batas ${tanggal(r.dueOn)}`
              : `Versi ${r.version} · ${STATUS[r.status]}${r.issuedAt ? ` ${tanggal(r.issuedAt)}` : ""} · batas ${tanggal(r.dueOn)}`,
          fontSize: 9,
          alignment: "right",
        },
      ],
      margin: [0, 0, 0, 10],
    },
  ];
  let n = 0;
  for (const s of r.figures.sections) {
    n += 1;
    content.push({ text: `${n}. ${s.title}`, style: "h2" });
    content.push({ text: s.source, fontSize: 7.5, color: "#555", margin: [0, 0, 0, 3] });
    if (s.note) content.push({ text: s.note, italics: true, fontSize: 9, margin: [0, 0, 0, 3] });
    if (s.figures.length > 0) {
      content.push({
        table: {
          widths: ["*", 210],
          body: s.figures.map((f): TableCell[] => [
            { text: f.label },
            {
              text:
                f.unit !== "text" && f.text
                  ? `${printFigure(f.unit, f.value)}  (${f.text})`
                  : printFigure(f.unit, f.value, f.text),
              alignment: "right",
            },
          ]),
        },
        layout: "lightHorizontalLines",
        fontSize: 9,
        margin: [0, 0, 0, 4],
      });
    }
    for (const t of s.tables) {
      if (t.rows.length === 0) continue;
      content.push({ text: t.title, bold: true, fontSize: 9, margin: [0, 2, 0, 2] });
      content.push({
        table: {
          headerRows: 1,
          // The first wide text column takes the spare width (indicator text, region name).
          widths: t.columns.map((_, i) => (i === firstWide(t.units) ? "*" : "auto")),
          body: [
            t.columns.map((c): TableCell => ({ text: c, bold: true })),
            ...t.rows.map((row) =>
              row.map(
                (cell, i): TableCell => ({
                  text: printFigure(t.units[i] ?? "text", cell),
                  alignment: t.units[i] === "text" ? "left" : "right",
                }),
              ),
            ),
          ],
        },
        layout: "lightHorizontalLines",
        fontSize: 7.5,
        margin: [0, 0, 0, 6],
      });
    }
  }
  const narrative = def.narrative.filter((f) => (r.narrative[f] ?? "").trim() !== "");
  if (narrative.length > 0) {
    n += 1;
    content.push({ text: `${n}. Uraian`, style: "h2" });
    for (const f of narrative as NarrativeField[]) {
      content.push({ text: NARRATIVE_LABELS[f].id, bold: true, fontSize: 9, margin: [0, 3, 0, 1] });
      content.push({ text: r.narrative[f] ?? "", fontSize: 9 });
    }
  }
  const signers =
    r.signatures.length > 0 ? r.signatures : def.signatories.map((s) => ({ position: s.position, name: "" }));
  content.push({
    columns: signers.map((s) => ({
      stack: [
        { text: s.position, bold: true },
        { text: " ", margin: [0, 28, 0, 0] },
        { text: s.name || "(………………………………)", decoration: s.name ? "underline" : undefined },
        ...("identifier" in s && s.identifier ? [{ text: s.identifier, fontSize: 8 }] : []),
      ],
      alignment: "center",
      fontSize: 9,
    })),
    margin: [0, 18, 0, 0],
    unbreakable: true,
  } as Content);
  content.push({
    text: `Penandatangan menurut ${def.signatories.map((s) => s.source).join("; ")}.`,
    fontSize: 7,
    color: "#666",
    margin: [0, 8, 0, 0],
  });
  return renderPdf({
    info: { title: `${def.title.id} — ${r.regionName} — ${periodLabel(r.period)}` },
    content,
    styles: {
      title: { fontSize: 13, bold: true, alignment: "center" },
      h2: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 2] },
    },
    footer: (page, pages) => ({
      text: `${def.title.id} · ${r.regionName} · ${periodLabel(r.period)} · versi ${r.version} · halaman ${page} dari ${pages}`,
      fontSize: 7,
      color: "#666",
      alignment: "center",
    }),
  });
}
