import { toCsv } from "../csv";
import { toAdxPeriod, toDhis2Period } from "../period";
import { type Breakdown, breakdownTotal, type CellKey } from "./breakdown";
import type { Dhis2Mapping } from "./mapping";

/** One DHIS2 data value (dataValueSets JSON, bulk form: period and org unit on every value). */
export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo?: string;
  /** DHIS2 carries every value as a string. */
  value: string;
}

/** The dataValueSets JSON body (DHIS2 Web API, "Sending bulks of data values"). */
export interface Dhis2DataValueSet {
  dataSet?: string;
  period: string;
  orgUnit?: string;
  /** Said in the payload so the receiver reads codes as codes (payload id schemes take precedence). */
  idScheme?: "CODE";
  dataValues: Dhis2DataValue[];
}

/** The breakdown of each mapped org unit, by region code. */
export type BreakdownByRegion = ReadonlyMap<string, Breakdown>;

/**
 * Data values of a period from the mapped counts: one per org unit × mapped data element × mapped cell,
 * zeros included (a reported 0 is different from no report). Order follows the mapping file.
 */
export function toDataValues(
  mapping: Dhis2Mapping,
  period: string,
  counts: BreakdownByRegion,
): Dhis2DataValue[] {
  const pe = toDhis2Period(period);
  const out: Dhis2DataValue[] = [];
  for (const [code, orgUnit] of Object.entries(mapping.orgUnits)) {
    const b = counts.get(code);
    if (!b) continue;
    const total = breakdownTotal(b);
    for (const e of mapping.dataElements) {
      for (const [cell, coc] of Object.entries(e.categoryOptionCombos)) {
        const n = cell === "total" ? total[e.count] : b[cell as CellKey][e.count];
        out.push({
          dataElement: e.dataElement,
          period: pe,
          orgUnit,
          categoryOptionCombo: coc,
          ...(mapping.attributeOptionCombo ? { attributeOptionCombo: mapping.attributeOptionCombo } : {}),
          value: String(n),
        });
      }
    }
  }
  return out;
}

export function toDataValueSet(
  mapping: Dhis2Mapping,
  period: string,
  values: Dhis2DataValue[],
): Dhis2DataValueSet {
  const orgUnits = [...new Set(values.map((v) => v.orgUnit))];
  return {
    ...(mapping.dataSet ? { dataSet: mapping.dataSet } : {}),
    period: toDhis2Period(period),
    ...(orgUnits.length === 1 ? { orgUnit: orgUnits[0] } : {}),
    ...(mapping.idScheme === "CODE" ? { idScheme: "CODE" as const } : {}),
    dataValues: values,
  };
}

/** The columns of DHIS2's CSV data value format, in its order (Web API, "CSV data value format"). */
export const DHIS2_CSV_COLUMNS = [
  "dataelement",
  "period",
  "orgunit",
  "catoptcombo",
  "attroptcombo",
  "value",
  "storedby",
  "lastupdated",
  "comment",
  "followup",
] as const;

/** DHIS2 CSV: a header row (DHIS2 skips it on import) and one row per data value. */
export function toDhis2Csv(values: readonly Dhis2DataValue[], generatedAt: string): string {
  return toCsv([
    DHIS2_CSV_COLUMNS,
    ...values.map((v) => [
      v.dataElement,
      v.period,
      v.orgUnit,
      v.categoryOptionCombo,
      v.attributeOptionCombo ?? "",
      v.value,
      "tumbuh",
      generatedAt,
      "",
      "false",
    ]),
  ]);
}

export const ADX_NAMESPACE = "urn:ihe:qrph:adx:2015";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * ADX (IHE QRPH ADX 2015 as DHIS2 reads it, Web API "ADX data format"): a root `adx` with the mandatory
 * `exported` timestamp, one `group` per org unit with the mandatory orgUnit, period (start/duration) and
 * dataSet, and `dataValue`s with dataElement and value. Disaggregation goes in DHIS2's
 * `categoryOptionCombo` attribute, which DHIS2 prefers over exploded category attributes.
 */
export function toAdx(
  mapping: Dhis2Mapping,
  period: string,
  values: readonly Dhis2DataValue[],
  exported: string,
): string {
  if (!mapping.dataSet) throw new Error("ADX needs the mapping's dataSet");
  const pe = toAdxPeriod(period);
  const byOrgUnit = new Map<string, Dhis2DataValue[]>();
  for (const v of values) {
    const list = byOrgUnit.get(v.orgUnit);
    if (list) list.push(v);
    else byOrgUnit.set(v.orgUnit, [v]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<adx xmlns="${ADX_NAMESPACE}" exported="${escapeXml(exported)}">`,
  ];
  for (const [orgUnit, list] of byOrgUnit) {
    const aoc = mapping.attributeOptionCombo
      ? ` attributeOptionCombo="${escapeXml(mapping.attributeOptionCombo)}"`
      : "";
    lines.push(
      `  <group orgUnit="${escapeXml(orgUnit)}" period="${pe}" dataSet="${escapeXml(mapping.dataSet)}"${aoc}>`,
    );
    for (const v of list) {
      lines.push(
        `    <dataValue dataElement="${escapeXml(v.dataElement)}" categoryOptionCombo="${escapeXml(v.categoryOptionCombo)}" value="${v.value}"/>`,
      );
    }
    lines.push("  </group>");
  }
  lines.push("</adx>");
  return `${lines.join("\n")}\n`;
}
