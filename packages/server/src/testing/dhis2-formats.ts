import { XmlDocument, type XmlElement } from "xmldoc";
import { z } from "zod";

/**
 * What DHIS2 accepts, written from its documentation (dhis2-docs src/developer/web-api/data.md), for tests
 * to check Tumbuh's files against — independently of the writers in core dhis2/.
 */

/** DHIS2 ids: an 11-character uid (letter first) or, with idScheme CODE, a code of at most 50 characters. */
const Id = z.string().min(1).max(50).regex(/^\S+$/);
/** Period ids: yyyyMM, yyyyQn, yyyySn, yyyy (Web API "Date and period format"). */
const PeriodId = z.string().regex(/^\d{4}(0[1-9]|1[0-2]|Q[1-4]|S[12])?$/);

/** dataValueSets JSON ("Sending data values", "Sending bulks of data values"): value is a string. */
export const DataValueSetJson = z.strictObject({
  dataSet: Id.optional(),
  completeDate: z.string().optional(),
  period: PeriodId.optional(),
  orgUnit: Id.optional(),
  attributeOptionCombo: Id.optional(),
  idScheme: z.enum(["UID", "CODE", "uid", "code"]).optional(),
  dataValues: z
    .array(
      z.strictObject({
        dataElement: Id,
        period: PeriodId.optional(),
        orgUnit: Id.optional(),
        categoryOptionCombo: Id.optional(),
        attributeOptionCombo: Id.optional(),
        value: z.string(),
        comment: z.string().optional(),
      }),
    )
    .min(1),
});

/** The header DHIS2 writes and reads for CSV ("Reading data values", CSV response; first row is skipped). */
export const DHIS2_CSV_HEADER = [
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
];

/**
 * ADX structure as the ADX profile and DHIS2 define it ("ADX data format"): root `adx` in namespace
 * urn:ihe:qrph:adx:2015 with `exported`; `group` children each with orgUnit, period (date/duration) and
 * dataSet; `dataValue` children each with dataElement and a numeric value. Returns the problems found.
 */
export function adxProblems(xml: string): string[] {
  const out: string[] = [];
  let doc: XmlDocument;
  try {
    doc = new XmlDocument(xml);
  } catch (e) {
    return [`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (doc.name !== "adx") out.push(`root is <${doc.name}>, not <adx>`);
  if (doc.attr.xmlns !== "urn:ihe:qrph:adx:2015") out.push(`namespace ${doc.attr.xmlns}`);
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(doc.attr.exported ?? ""))
    out.push("exported is not a UTC timestamp");
  const groups = doc.childrenNamed("group");
  if (groups.length === 0) out.push("no group");
  for (const g of doc.children.filter((c): c is XmlElement => c.type === "element")) {
    if (g.name !== "group") out.push(`unexpected <${g.name}> in adx`);
  }
  for (const g of groups) {
    for (const a of ["orgUnit", "period", "dataSet"]) if (!g.attr[a]) out.push(`group without ${a}`);
    if (!/^\d{4}-\d{2}-\d{2}\/P(1M|3M|6M|1Y)$/.test(g.attr.period ?? "")) out.push(`period ${g.attr.period}`);
    const values = g.childrenNamed("dataValue");
    if (values.length === 0) out.push(`group ${g.attr.orgUnit} without dataValue`);
    for (const v of values) {
      if (!v.attr.dataElement) out.push("dataValue without dataElement");
      if (!/^-?\d+(\.\d+)?$/.test(v.attr.value ?? "")) out.push(`dataValue value ${v.attr.value}`);
    }
  }
  return out;
}
