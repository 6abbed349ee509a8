import type {
  Bundle,
  BundleEntry,
  Encounter,
  Extension,
  FhirResource,
  Observation,
  Organization,
  Patient,
  Quantity,
} from "fhir/r4";

/**
 * A FHIR R4 transaction Bundle of posyandu measurements, aligned with SATUSEHAT (Kemenkes' FHIR platform).
 * Pure: the server hands it the rows and an id maker. Codes and where each was checked:
 * - Patient.identifier: NIK https://fhir.kemkes.go.id/id/nik; a baby without one by the mother's NIK
 *   https://fhir.kemkes.go.id/id/nik-ibu (SATUSEHAT Master Patient Index, "Pasien dengan NIK" and
 *   "Bayi Baru Lahir — Pencarian Berdasarkan NIK Ibu"; ID Core Patient profile identifier slices).
 * - Address extension https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode with sub-extensions
 *   province, city, district, village holding Kemendagri codes without dots ("33", "3324", "332404",
 *   "3324042001") (SATUSEHAT MPI "address-extension": "kode administratif mengacu ke kode wilayah kemendagri").
 * - Organization.type: code 131 of http://terminology.kemkes.go.id/CodeSystem/organization-type for a
 *   posyandu — taken from issue 16; NOT found in a public source we could search: check it against the
 *   SATUSEHAT terminology before going live.
 * - Observation codes (LOINC, http://loinc.org; FHIR vital-signs value sets and LOINC): 29463-7 Body weight,
 *   8306-3 Body height --lying (length), 8308-9 Body height --standing, 9843-4 Head Occipital-frontal
 *   circumference, 56072-2 Circumference Mid upper arm (MUAC; seen in public SATUSEHAT-oriented code, verify).
 * - Z-scores (SNOMED CT, http://snomed.info/sct, observable entities): 1153593003 Weight for age z-score,
 *   1153590000 Length for age z score, 1153604005 Body height for age z-score (HL7 UK Core
 *   BodyHeightMeasurements value set; RCPCH dGC "SNOMED CT codes for storing results"), unit {Zscore}
 *   (UCUM annotation). Weight-for-length has no SNOMED concept we could verify, so it is not sent.
 * - Units UCUM http://unitsofmeasure.org: kg, cm. Times: SATUSEHAT wants UTC; a posyandu day is a date.
 */
export const NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik";
export const NIK_IBU_SYSTEM = "https://fhir.kemkes.go.id/id/nik-ibu";
export const ADMINISTRATIVE_CODE_URL = "https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode";
export const ORGANIZATION_TYPE_SYSTEM = "http://terminology.kemkes.go.id/CodeSystem/organization-type";
export const POSYANDU_ORGANIZATION_TYPE = "131";
const LOINC = "http://loinc.org";
const SNOMED = "http://snomed.info/sct";
const UCUM = "http://unitsofmeasure.org";
const CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

export interface FhirChild {
  id: string;
  name: string;
  /** 1 laki-laki, 2 perempuan. */
  sex: number;
  birthDate: string;
  nik: string | null;
  motherNik: string | null;
  /** Home region (a desa, dusun or posyandu code). */
  regionCode: string;
}

export interface FhirMeasurement {
  id: string;
  personId: string;
  measuredOn: string;
  /** Where it was measured (a posyandu code, else the desa). */
  regionCode: string;
  weightKg: number | null;
  lenheiCm: number | null;
  /** "L" lying (length), "H" standing (height). */
  measure: string | null;
  muacCm: number | null;
  headcCm: number | null;
  zlen: number | null;
  zwei: number | null;
}

export interface FhirPlace {
  code: string;
  name: string;
}

export interface BundleInput {
  children: readonly FhirChild[];
  measurements: readonly FhirMeasurement[];
  /** Where the measurements were taken (posyandu or desa), by code. */
  places: readonly FhirPlace[];
  newId: () => string;
}

/** Kemendagri codes of a region code's levels, without dots, as SATUSEHAT's administrativeCode wants them. */
export function administrativeCodes(regionCode: string): Extension[] {
  const parts = regionCode.split(".").slice(0, 4);
  const names = ["province", "city", "district", "village"];
  return parts.map((_, i) => ({ url: names[i] as string, valueCode: parts.slice(0, i + 1).join("") }));
}

const qty = (value: number, unit: string): Quantity => ({ value, unit, system: UCUM, code: unit });

/** One entry per posyandu, child, child-day (Encounter) and measured value; every reference is a urn:uuid. */
export function measurementBundle(input: BundleInput): Bundle<FhirResource> {
  const entries: BundleEntry<FhirResource>[] = [];
  const add = (resource: FhirResource, url: string, ifNoneExist?: string): string => {
    const fullUrl = `urn:uuid:${input.newId()}`;
    entries.push({
      fullUrl,
      resource,
      request: { method: "POST", url, ...(ifNoneExist ? { ifNoneExist } : {}) },
    });
    return fullUrl;
  };
  const orgOf = new Map<string, string>();
  for (const p of input.places) {
    const org: Organization = {
      resourceType: "Organization",
      active: true,
      identifier: [{ system: "https://tumbuh.id/region", value: p.code }],
      type: [
        {
          coding: [
            { system: ORGANIZATION_TYPE_SYSTEM, code: POSYANDU_ORGANIZATION_TYPE, display: "Posyandu" },
          ],
        },
      ],
      name: p.name,
      address: [
        {
          use: "work",
          country: "ID",
          extension: [{ url: ADMINISTRATIVE_CODE_URL, extension: administrativeCodes(p.code) }],
        },
      ],
    };
    orgOf.set(p.code, add(org, "Organization"));
  }
  const patientOf = new Map<string, string>();
  for (const c of input.children) {
    const identifier = c.nik
      ? [{ use: "official" as const, system: NIK_SYSTEM, value: c.nik }]
      : c.motherNik
        ? [{ use: "official" as const, system: NIK_IBU_SYSTEM, value: c.motherNik }]
        : [];
    const patient: Patient = {
      resourceType: "Patient",
      ...(identifier.length ? { identifier } : {}),
      active: true,
      name: [{ use: "official", text: c.name }],
      gender: c.sex === 2 ? "female" : "male",
      birthDate: c.birthDate,
      address: [
        {
          use: "home",
          country: "ID",
          extension: [{ url: ADMINISTRATIVE_CODE_URL, extension: administrativeCodes(c.regionCode) }],
        },
      ],
    };
    const first = identifier[0];
    patientOf.set(
      c.id,
      add(patient, "Patient", first ? `identifier=${first.system}|${first.value}` : undefined),
    );
  }
  const encounterOf = new Map<string, string>();
  const sorted = [...input.measurements].sort((a, b) =>
    a.measuredOn === b.measuredOn ? (a.id < b.id ? -1 : 1) : a.measuredOn < b.measuredOn ? -1 : 1,
  );
  for (const m of sorted) {
    const subject = patientOf.get(m.personId);
    if (!subject) continue;
    const org = orgOf.get(m.regionCode);
    // One encounter per child per day, at the place of the day's first measurement.
    const key = `${m.personId}|${m.measuredOn}`;
    let encounter = encounterOf.get(key);
    if (!encounter) {
      const e: Encounter = {
        resourceType: "Encounter",
        status: "finished",
        class: {
          system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
          code: "AMB",
          display: "ambulatory",
        },
        subject: { reference: subject },
        period: { start: m.measuredOn, end: m.measuredOn },
        ...(org ? { serviceProvider: { reference: org } } : {}),
      };
      encounter = add(e, "Encounter");
      encounterOf.set(key, encounter);
    }
    const obs = (system: string, code: string, display: string, category: string, value: Quantity) => {
      const o: Observation = {
        resourceType: "Observation",
        status: "final",
        category: [{ coding: [{ system: CATEGORY, code: category }] }],
        code: { coding: [{ system, code, display }] },
        subject: { reference: subject },
        encounter: { reference: encounter },
        effectiveDateTime: m.measuredOn,
        ...(org ? { performer: [{ reference: org }] } : {}),
        valueQuantity: value,
      };
      add(o, "Observation");
    };
    const lying = m.measure === "L";
    if (m.weightKg !== null) obs(LOINC, "29463-7", "Body weight", "vital-signs", qty(m.weightKg, "kg"));
    if (m.lenheiCm !== null)
      obs(
        LOINC,
        lying ? "8306-3" : "8308-9",
        lying ? "Body height --lying" : "Body height --standing",
        "vital-signs",
        qty(m.lenheiCm, "cm"),
      );
    if (m.headcCm !== null)
      obs(LOINC, "9843-4", "Head Occipital-frontal circumference", "vital-signs", qty(m.headcCm, "cm"));
    if (m.muacCm !== null) obs(LOINC, "56072-2", "Circumference Mid upper arm", "exam", qty(m.muacCm, "cm"));
    if (m.zwei !== null) obs(SNOMED, "1153593003", "Weight for age z-score", "exam", qty(m.zwei, "{Zscore}"));
    if (m.zlen !== null)
      obs(
        SNOMED,
        lying ? "1153590000" : "1153604005",
        lying ? "Length for age z score" : "Body height for age z-score",
        "exam",
        qty(m.zlen, "{Zscore}"),
      );
  }
  return { resourceType: "Bundle", type: "transaction", entry: entries };
}
