import {
  type Actor,
  CATIN_CUTOFFS,
  CATIN_FINDINGS,
  type CatinView,
  catinExtraLabel,
  readScopes,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { tanggal } from "../../documents/dates-id";
import { downloadName } from "../../documents/file-name";
import { type Content, renderPdf } from "../../documents/pdf";
import { type DocLanguage, words } from "../../documents/words";
import { errors } from "../../errors";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";
import { findCatinScreening } from "./repository";
import { viewCatin } from "./service";

const num = (n: number | null, digits = 1) => (n === null ? "—" : n.toFixed(digits).replace(".", ","));

/**
 * Screening certificate (surat keterangan pemeriksaan kesehatan catin) for the marriage services
 * (KUA), Paser Pasal 13(1)a and 13(3): who, when, the measures, the result with advice, and whether the
 * screening was done ≥ 3 months before the planned marriage.
 */
export async function catinCertificate(
  db: Kysely<Database>,
  actor: Actor,
  screeningId: string,
  lang: DocLanguage = "id",
): Promise<{ pdf: Buffer; fileName: string }> {
  const s = await findCatinScreening(db, readScopes(actor), screeningId);
  if (!s) throw errors.notFound();
  // A screening voided by mistake certifies nothing (issue 17).
  if (s.voided_at) throw errors.voided();
  const catin = await viewCatin(db, actor, s.catin_id, true);
  const view = catin.screenings.find((x) => x.id === s.id);
  if (!view) throw errors.notFound();
  const region = await findRegion(db, readScopes(actor), catin.regionCode);
  const pdf = await renderPdf(document(catin, view, region?.name ?? catin.regionCode));
  // Full NIK and health findings leave the system: audited in the catin's region.
  await appendAudit(db, actor, {
    action: "catin.certificate_download",
    entity: "catin_screening",
    entityId: s.id,
    regionCode: catin.regionCode,
  });
  const fileName = downloadName(lang, {
    what: words("surat-catin", "bride-groom-certificate"),
    who: catin.person.name,
    date: view.screenedOn,
    ext: "pdf",
  });
  return { pdf, fileName };
}

/** Thin grey rules between rows, no header rule (these tables have no header row). */
const RULED = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === node.table.body.length ? 0 : 0.5,
  vLineWidth: () => 0,
  hLineColor: () => "#bbbbbb",
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function document(c: CatinView, s: CatinView["screenings"][number], regionName: string) {
  const row = (label: string, value: string): Content[] => [{ text: label }, { text: value, bold: true }];
  const findings: Content =
    s.findings.length === 0
      ? {
          text: "Tidak ditemukan faktor risiko pada pemeriksaan ini (siap hamil).",
          bold: true,
          color: "#1b5e20",
        }
      : {
          ul: s.findings.map((f) => ({ text: `${CATIN_FINDINGS[f].id} — ${CATIN_FINDINGS[f].adviceId}` })),
        };
  return {
    info: { title: `Surat keterangan pemeriksaan catin — ${c.person.name}` },
    content: [
      { text: "SURAT KETERANGAN PEMERIKSAAN KESEHATAN", style: "title" },
      { text: "CALON PENGANTIN (CATIN)", style: "title" },
      { text: `Wilayah: ${regionName}`, alignment: "center", margin: [0, 4, 0, 14] },
      {
        table: {
          widths: [170, "*"],
          body: [
            row("Nama", c.person.name),
            row("Jenis kelamin", c.person.sex === 2 ? "Perempuan" : "Laki-laki"),
            row("Tanggal lahir / umur", `${tanggal(c.person.birthDate)} / ${s.ageYears} tahun`),
            row("NIK", c.person.nik ?? "—"),
            row("Calon pasangan", c.partnerName ?? "—"),
            row("Rencana tanggal nikah", tanggal(c.marriageDate)),
            row("Tanggal pemeriksaan", tanggal(s.screenedOn)),
          ],
        },
        layout: RULED,
      },
      { text: "Hasil pengukuran", style: "h2" },
      {
        table: {
          widths: [170, "*"],
          body: [
            row("Berat badan", `${num(s.weightKg)} kg`),
            row("Tinggi badan", `${num(s.heightCm)} cm`),
            row(
              "Indeks Massa Tubuh (IMT)",
              `${num(s.bmi)} kg/m² (batas ${num(CATIN_CUTOFFS.underweightBmi.below)})`,
            ),
            row(
              "Lingkar Lengan Atas (LiLA)",
              `${num(s.muacCm)} cm (batas ${num(CATIN_CUTOFFS.kekMuacCm.below)})`,
            ),
            row(
              "Hemoglobin (Hb)",
              `${num(s.hbGdl)} g/dL (batas ${c.person.sex === 2 ? CATIN_CUTOFFS.anaemiaHbWomen.below : CATIN_CUTOFFS.anaemiaHbMen.below})`,
            ),
            ...Object.entries(s.extra).map(([k, v]) => row(catinExtraLabel(k), v)),
          ],
        },
        layout: RULED,
      },
      { text: "Kesimpulan dan anjuran", style: "h2" },
      findings,
      {
        text: s.inTime
          ? `Pemeriksaan dilakukan paling lambat 3 bulan sebelum rencana nikah (batas ${tanggal(c.deadline)}), sesuai Perbup Paser 47/2024 Pasal 13 ayat (1) huruf a.`
          : `Pemeriksaan dilakukan KURANG dari 3 bulan sebelum rencana nikah (batas ${tanggal(c.deadline)}).`,
        margin: [0, 12, 0, 0],
        bold: true,
      },
      {
        text: "Batas: Hb < 12 g/dL (perempuan) / < 13 g/dL (laki-laki) = anemia (WHO 2011; Kemenkes); LiLA < 23,5 cm = KEK (Kemenkes); IMT < 18,5 = kurus (WHO; Kemenkes); usia < 20 tahun = terlalu muda untuk hamil (BKKBN).",
        fontSize: 8,
        color: "#555555",
        margin: [0, 12, 0, 0],
      },
      {
        columns: [
          { text: "" },
          {
            stack: [
              { text: `${regionName}, ${tanggal(s.screenedOn)}` },
              { text: "Petugas pemeriksa,", margin: [0, 0, 0, 48] },
              { text: "(....................................)" },
            ],
            width: 220,
          },
        ],
        margin: [0, 24, 0, 0],
      },
    ],
    styles: {
      title: { fontSize: 14, bold: true, alignment: "center" },
      h2: { fontSize: 11, bold: true, margin: [0, 14, 0, 4] },
    },
  } as Parameters<typeof renderPdf>[0];
}
