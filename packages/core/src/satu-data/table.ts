import type { CsvCell } from "../csv";
import { suppressCounts } from "../indicators/suppression";

/**
 * The open-data table of one indicator for Satu Data Indonesia (Paser Pasal 45 ayat 3 huruf a: the regency
 * shares its stunting data through Satu Data). One row per region (kabupaten → kecamatan → desa) with the
 * counts a reader needs to recompute the figure. Column names are the portal's lower-case Indonesian style.
 */
export const SATU_DATA_COLUMNS = [
  "kode_wilayah",
  "nama_wilayah",
  "tingkat",
  "periode",
  "pembilang",
  "penyebut",
  "nilai",
  "satuan",
  "sumber",
  "catatan",
] as const;

export interface SatuDataNode {
  code: string;
  name: string;
  level: "kabupaten" | "kecamatan" | "desa";
  /** The node this one adds up into; null for the top. */
  parent: string | null;
  numerator: number;
  denominator: number;
}

export const SUPPRESSED_NOTE =
  "Disamarkan: jumlah 1–4 atau jumlah yang dapat dihitung darinya tidak dipublikasikan (UU 27/2022)";
export const NO_DENOMINATOR_NOTE = "Tidak ada sasaran pada periode ini";

/**
 * Rows with the public page's suppression (core suppression.ts, as the yearly publication applies it):
 * the numerator and the denominator are each suppressed over the region tree — and so is the difference
 * denominator − numerator (children measured but not stunted, registered but not weighed): when that is
 * 1–4, showing both counts would give it away, so the numerator is hidden with it. The value is shown only
 * when both counts are. A hidden count is an empty cell with the reason in `catatan` (a "<5" would make the
 * numeric column text for every program reading it).
 */
export function satuDataRows(
  nodes: readonly SatuDataNode[],
  info: { period: string; unit: string; source: string },
): CsvCell[][] {
  const tree = (pick: (n: SatuDataNode) => number) =>
    suppressCounts(nodes.map((n) => ({ code: n.code, parent: n.parent, count: pick(n) })));
  const hiddenNum = tree((n) => n.numerator);
  const hiddenDen = tree((n) => n.denominator);
  const hiddenDiff = tree((n) => n.denominator - n.numerator);
  return nodes.map((n) => {
    const numHidden = hiddenNum.has(n.code) || hiddenDiff.has(n.code);
    const denHidden = hiddenDen.has(n.code);
    const value =
      numHidden || denHidden || n.denominator === 0
        ? null
        : Math.round((1000 * n.numerator) / n.denominator) / 10;
    const notes = [
      numHidden || denHidden ? SUPPRESSED_NOTE : null,
      n.denominator === 0 && !denHidden ? NO_DENOMINATOR_NOTE : null,
    ].filter((x): x is string => x !== null);
    return [
      n.code,
      n.name,
      n.level,
      info.period,
      numHidden ? null : n.numerator,
      denHidden ? null : n.denominator,
      value,
      info.unit,
      info.source,
      notes.join("; ") || null,
    ];
  });
}
