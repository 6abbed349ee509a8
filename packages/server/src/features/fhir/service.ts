import { type Actor, type FhirMeasurement, measurementBundle, periodBounds, readScopes } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { downloadName } from "../../documents/file-name";
import type { DocLanguage } from "../../documents/words";
import { AppError, errors } from "../../errors";
import { uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findRegion } from "../regions/service";

/** A bundle stays small enough for one transaction at the receiver; more means a shorter period. */
const MAX_MEASUREMENTS = 5000;

/**
 * The measurements taken inside a region in a period (or on one day) as a FHIR R4 transaction Bundle
 * (core fhir/bundle.ts). Personal data leaves the system: the caller must read the region, and the export
 * is audited with its size.
 */
export async function fhirBundle(
  db: Kysely<Database>,
  actor: Actor,
  q: { region: string; period: string; date?: string | undefined },
  lang: DocLanguage = "id",
): Promise<{ fileName: string; body: string }> {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, q.region);
  if (!region) throw errors.notFound();
  const { start, end } = q.date ? { start: q.date, end: q.date } : periodBounds(q.period);
  const rows = await db
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select([
      "m.id",
      "m.person_id",
      "m.measured_on",
      "m.region_code",
      "m.weight_kg",
      "m.lenhei_cm",
      "m.measure",
      "m.muac_cm",
      "m.headc_cm",
      "m.zlen",
      "m.zwei",
    ])
    .where(withinScopes("m.region_code", [q.region]))
    .where(withinScopes("p.region_code", scopes))
    .where("m.deleted_at", "is", null)
    .where("p.deleted_at", "is", null)
    .where("m.measured_on", ">=", start)
    .where("m.measured_on", "<=", end)
    .limit(MAX_MEASUREMENTS + 1)
    .execute();
  if (rows.length > MAX_MEASUREMENTS)
    throw new AppError(
      400,
      "bad_request",
      `More than ${MAX_MEASUREMENTS} measurements: choose a shorter period.`,
    );
  const ids = [...new Set(rows.map((r) => r.person_id))];
  const people = ids.length
    ? await db
        .selectFrom("persons as p")
        .leftJoin("persons as mother", "mother.id", "p.mother_id")
        .select([
          "p.id",
          "p.name",
          "p.sex",
          "p.birth_date",
          "p.nik",
          "p.region_code",
          "mother.nik as mother_nik",
        ])
        .where("p.id", "in", ids)
        .execute()
    : [];
  const placeCodes = [...new Set(rows.map((r) => r.region_code))];
  const places = placeCodes.length
    ? await db.selectFrom("regions").select(["code", "name"]).where("code", "in", placeCodes).execute()
    : [];
  const measurements: FhirMeasurement[] = rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    measuredOn: r.measured_on,
    regionCode: r.region_code,
    weightKg: r.weight_kg,
    lenheiCm: r.lenhei_cm,
    measure: r.measure,
    muacCm: r.muac_cm,
    headcCm: r.headc_cm,
    zlen: r.zlen,
    zwei: r.zwei,
  }));
  const bundle = measurementBundle({
    children: people.map((p) => ({
      id: p.id,
      name: p.name,
      sex: p.sex,
      birthDate: p.birth_date,
      nik: p.nik,
      motherNik: p.mother_nik,
      regionCode: p.region_code,
    })),
    measurements,
    places,
    newId: uuidv7,
  });
  await appendAudit(db, actor, {
    action: "fhir.export",
    entity: "fhir_bundle",
    entityId: null,
    regionCode: q.region,
    after: { period: q.period, date: q.date ?? null, patients: people.length, measurements: rows.length },
  });
  const fileName = downloadName(lang, {
    what: "fhir",
    place: region,
    period: q.date ? null : q.period,
    date: q.date ?? null,
    ext: "json",
  });
  return { fileName, body: JSON.stringify(bundle) };
}
