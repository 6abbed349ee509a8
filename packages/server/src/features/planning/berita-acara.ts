import {
  type Actor,
  type CycleDetail,
  FUNDING_SOURCES,
  formatPercent,
  type MeetingMappingSnapshot,
  PACKAGE_LABELS,
  type ServicePackage,
  type SignatorySide,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { bulanTahun, hariTanggal, tanggal } from "../../documents/dates-id";
import { downloadName } from "../../documents/file-name";
import { type Content, renderPdf, type TableCell } from "../../documents/pdf";
import { errors } from "../../errors";
import { appendAudit } from "../audit/service";
import { cycleDetail } from "./service";

/**
 * The social-mapping figures the meeting saw (its stored snapshot), as sentences for the minutes: registry
 * targets, the scorecard gaps of the latest complete month and the families at risk of the semester.
 * Snapshots stored before the scorecard and family figures existed give only the first line.
 */
export function mappingLines(m: MeetingMappingSnapshot): string[] {
  const t = m.targets;
  const lines = [
    `Sasaran 1000 HPK: ${t.ibu_hamil} ibu hamil, ${t.anak_0_6 + t.anak_7_23} anak 0–23 bulan, ` +
      `${t.anak_24_59} anak 24–59 bulan; ${m.stunted} anak pendek (stunting), ` +
      `${m.notMeasured2m} anak belum diukur 2 bulan.`,
  ];
  if (m.scorecard) {
    const gaps = m.scorecard.topGaps.map((g) => `${g.label.id} (${g.t} T)`).join("; ");
    lines.push(
      `Konvergensi layanan bulan ${bulanTahun(m.scorecard.period)}: ${formatPercent(m.scorecard.percent)}` +
        (gaps ? `; paling banyak belum diterima: ${gaps}.` : "."),
    );
  }
  if (m.families) {
    const reasons = m.families.topReasons.map((r) => `${r.label.id} (${r.count})`).join("; ");
    lines.push(
      `Keluarga berisiko stunting semester ${m.families.semester}: ${m.families.atRisk} dari ` +
        `${m.families.screened} keluarga yang didata` +
        (reasons ? `; faktor terbanyak: ${reasons}.` : "."),
    );
  }
  return lines;
}

function rupiah(n: number): string {
  return `Rp ${Math.round(n).toLocaleString("id-ID")}`;
}

/**
 * Berita Acara Rembuk Stunting: the agreed priority proposals, signed by representatives of the Rumah
 * Desa Sehat, the community and the village government — PALI Pasal 12(3) b and Paser Pasal 32(5)
 * (Paser names the RDS "pengurus"; for a kelurahan, "Pemerintah Kelurahan").
 */
export async function beritaAcaraPdf(
  db: Kysely<Database>,
  actor: Actor,
  cycleId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const detail = await cycleDetail(db, actor, cycleId);
  const rembuk = detail.meetings.filter((m) => m.kind === "rembuk").at(-1);
  if (!rembuk) throw errors.conflict("No rembuk stunting has been recorded for this cycle yet.");
  const pdf = await renderPdf(beritaAcaraDocument(detail, rembuk));
  // A download leaves the system with names and figures: audited, in the village's region.
  await appendAudit(db, actor, {
    action: "planning.berita_acara_download",
    entity: "planning_cycle",
    entityId: cycleId,
    regionCode: detail.cycle.regionCode,
    after: { meetingId: rembuk.id },
  });
  // An official document: named in Indonesian, by the village and the cycle's year (N, planning N + 1).
  const fileName = downloadName("id", {
    what: "berita-acara-rembuk-stunting",
    place: { kind: detail.cycle.kind, name: detail.cycle.regionName },
    extra: [String(detail.cycle.year)],
    ext: "pdf",
  });
  return { pdf, fileName };
}

type Meeting = CycleDetail["meetings"][number];

export function beritaAcaraDocument(detail: CycleDetail, rembuk: Meeting) {
  const { cycle } = detail;
  const isDesa = cycle.kind === "desa";
  const place = `${isDesa ? "Desa" : "Kelurahan"} ${cycle.regionName}`;
  const sideLabel: Record<SignatorySide, string> = {
    rds: "Perwakilan Pengurus Rumah Desa Sehat",
    masyarakat: `Perwakilan Masyarakat ${isDesa ? "Desa" : "Kelurahan"}`,
    pemerintah: `Perwakilan Pemerintah ${isDesa ? "Desa" : "Kelurahan"}`,
  };
  const ranked = detail.proposals.filter((p) => p.priority !== null);
  const problems = [
    ...new Set(
      detail.meetings
        .filter((m) => m.kind === "fgd_desa" || m.kind === "fgd_antar_desa" || m.kind === "rembuk")
        .flatMap((m) => m.problems),
    ),
  ];
  // The figures the rembuk looked at; an older rembuk without a snapshot uses the latest FGD's.
  const seen = rembuk.mapping ?? detail.meetings.filter((m) => m.mapping).at(-1)?.mapping ?? null;
  const header: TableCell[] = [
    "No.",
    "Kegiatan",
    "Sasaran",
    "Paket layanan",
    "Lokasi",
    "Volume",
    "Biaya",
    "Sumber dana",
  ].map((t) => ({ text: t, bold: true, fillColor: "#e8f0e8" }));
  const body: TableCell[][] = [
    header,
    ...ranked.map((p) => [
      String(p.priority),
      { stack: [p.title, { text: p.activitySource ?? p.activityCode, fontSize: 7, color: "#555" }] },
      p.targetGroup,
      PACKAGE_LABELS[p.package as ServicePackage]?.id ?? p.package,
      p.location,
      `${p.volume.toLocaleString("id-ID")} ${p.unit}`,
      { text: rupiah(p.cost), alignment: "right" as const },
      FUNDING_SOURCES.find((f) => f.code === p.fundingSource)?.id ?? p.fundingSource,
    ]),
    [
      { text: "Jumlah", colSpan: 6, bold: true },
      "",
      "",
      "",
      "",
      "",
      { text: rupiah(ranked.reduce((a, p) => a + p.cost, 0)), bold: true, alignment: "right" as const },
      "",
    ],
  ];
  // One row per line of the signature block, so the three sides line up whatever the label lengths.
  const sides = ["rds", "masyarakat", "pemerintah"] as const;
  const bySide = sides.map((side) => rembuk.signatories.filter((s) => s.side === side));
  const rowsNeeded = Math.max(1, ...bySide.map((p) => p.length));
  const cell = (text: string, extra: Record<string, unknown> = {}): TableCell =>
    ({ text, alignment: "center", ...extra }) as TableCell;
  const signatureRows: TableCell[][] = [sides.map((side) => cell(sideLabel[side], { bold: true }))];
  for (let i = 0; i < rowsNeeded; i++) {
    signatureRows.push(bySide.map((p) => cell(p[i]?.position ?? "", { fontSize: 8 })));
    signatureRows.push(bySide.map(() => cell(" ", { margin: [0, 18, 0, 0] })));
    signatureRows.push(
      bySide.map((p) => {
        const who = p[i];
        if (who) return cell(who.name, { decoration: "underline" });
        return i === 0 ? cell("(belum ada penanda tangan)", { italics: true, color: "#a00" }) : cell("");
      }),
    );
  }
  const signatures: Content = {
    table: { widths: ["*", "*", "*"], body: signatureRows },
    layout: "noBorders",
  };
  const content: Content[] = [
    { text: "BERITA ACARA REMBUK STUNTING", style: "title" },
    {
      text: `${place.toUpperCase()} — TAHUN ${cycle.year} (UNTUK ANGGARAN ${cycle.year + 1})`,
      style: "title",
      margin: [0, 0, 0, 12],
    },
    {
      text: [
        "Pada hari ini ",
        { text: hariTanggal(rembuk.heldOn), bold: true },
        ", bertempat di ",
        { text: rembuk.place, bold: true },
        `, telah diselenggarakan Rembuk Stunting ${place} sebagai forum musyawarah antara masyarakat dengan pemerintah ${isDesa ? "Desa dan BPD" : "Kelurahan"} untuk membahas dan menyepakati prioritas usulan program/kegiatan intervensi gizi spesifik dan sensitif tahun ${cycle.year + 1}, dihadiri oleh `,
        { text: `${rembuk.attendanceCount} orang`, bold: true },
        ".",
      ],
      margin: [0, 0, 0, 8],
    },
    {
      text: "Dasar: Peraturan Bupati Paser Nomor 47 Tahun 2024 Pasal 32; Peraturan Bupati PALI Nomor 64 Tahun 2021 Pasal 12.",
      fontSize: 8,
      color: "#444",
      margin: [0, 0, 0, 8],
    },
    ...(seen
      ? [
          { text: "Data pemetaan sosial yang dibahas:", bold: true },
          { ul: mappingLines(seen), margin: [0, 2, 0, 8] } as Content,
        ]
      : []),
    ...(problems.length
      ? [
          {
            text: "Masalah yang diidentifikasi dari hasil pemetaan sosial dan diskusi kelompok terarah:",
            bold: true,
          },
          { ol: problems, margin: [0, 2, 0, 8] } as Content,
        ]
      : []),
    { text: "Prioritas usulan program/kegiatan yang disepakati:", bold: true, margin: [0, 0, 0, 4] },
    {
      table: { headerRows: 1, widths: [14, 100, 50, 56, 50, 38, 58, 50], body },
      layout: "lightHorizontalLines",
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
    {
      text: `Berita acara ini disampaikan oleh perwakilan Rumah Desa Sehat kepada ${isDesa ? "Kepala Desa dan BPD sebagai usulan masyarakat dalam penyusunan RKP Desa dan APB Desa" : "Lurah sebagai usulan Kelurahan dalam Musrenbang dan APBD"} (PALI Pasal 14(1); Paser Pasal 34).`,
      margin: [0, 0, 0, 16],
    },
    {
      text: `${cycle.regionName}, ${tanggal(rembuk.heldOn)}`,
      alignment: "right",
      margin: [0, 0, 0, 8],
    },
    signatures,
  ];
  return {
    info: { title: `Berita Acara Rembuk Stunting ${place} ${cycle.year}` },
    content,
    styles: { title: { fontSize: 13, bold: true, alignment: "center" as const } },
    footer: (page: number, pages: number) => ({
      text: `Tumbuh — Berita Acara Rembuk Stunting ${place} ${cycle.year} — halaman ${page} dari ${pages}`,
      fontSize: 7,
      color: "#777",
      alignment: "center" as const,
    }),
  };
}
