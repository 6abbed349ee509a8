import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Actor, type MeasurementInput, type PersonInput, type Role, SYSTEM_ACTOR } from "@tumbuh/core";
import type { Kysely } from "kysely";
import { DATA_DIR } from "../data-files";
import type { Database } from "../db/schema";
import { recordMeasurement } from "../features/measurements/service";
import { createPerson } from "../features/persons/service";
import { createLocalUnit, importRegions } from "../features/regions/service";
import { createUser } from "../features/users/service";

/**
 * Typed test factories: the few rows a test needs, made through the feature services (so their checks,
 * audit entries and derived columns are the real ones), instead of the whole demo regency. The places are
 * real Kemendagri codes of Kabupaten Paser, the same the demo uses, so a test reads like the demo.
 */
export const PLACES = {
  province: "64",
  regency: "64.01",
  /** Kecamatan Kuaro. */
  kecamatan: "64.01.05",
  /** Desa Sandeley, with Dusun I and Posyandu Melati (below). */
  desa: "64.01.05.2003",
  /** Desa Lolo: the same kecamatan, another desa. */
  neighbour: "64.01.05.2002",
  /** Kecamatan Tanah Grogot and its Kelurahan Tanah Grogot: elsewhere in the regency. */
  otherKecamatan: "64.01.04",
  otherDesa: "64.01.04.1001",
} as const;

export const FACTORY_PASSWORD = "rahasia-uji-coba";

export interface Regency {
  /** Posyandu Melati in Desa Sandeley. */
  posyandu: string;
  /** Dusun I Sandeley. */
  dusun: string;
}

/** The regions of PLACES (from the shipped Paser extract), a dusun and a posyandu in Sandeley. */
export async function regency(db: Kysely<Database>): Promise<Regency> {
  const wanted = new Set<string>(Object.values(PLACES));
  const rows = ["provinsi.csv", "paser-6401.csv"].flatMap((file) => {
    const [header, ...lines] = readFileSync(join(DATA_DIR, "regions", file), "utf8")
      .trim()
      .split("\n");
    return lines.filter((l) => wanted.has(l.slice(0, l.indexOf(",")))).map((l) => ({ header, l }));
  });
  const csv = [rows[0]?.header ?? "", ...rows.map((r) => r.l)].join("\n");
  const report = await importRegions(db, SYSTEM_ACTOR, csv, { allOrNothing: true });
  if (report.errors.length > 0) throw new Error(`factory regions: ${JSON.stringify(report.errors)}`);
  const dusun = await createLocalUnit(db, SYSTEM_ACTOR, PLACES.desa, {
    kind: "dusun",
    name: "Dusun I Sandeley",
  });
  const posyandu = await createLocalUnit(db, SYSTEM_ACTOR, PLACES.desa, {
    kind: "posyandu",
    name: "Posyandu Melati",
  });
  return { posyandu: posyandu.code, dusun: dusun.code };
}

export interface TestUser {
  username: string;
  password: string;
  actor: Actor;
}

/** A user holding `role` over `scope` (log in with `username` and FACTORY_PASSWORD). */
export async function user(
  db: Kysely<Database>,
  role: Role,
  scope: string,
  username = `${role.replaceAll("_", "-")}.${scope.replaceAll(".", "-")}`.toLowerCase(),
): Promise<TestUser> {
  const displayName = `Uji ${role} ${scope}`;
  const assignments = [{ role, scope }];
  const { id } = await createUser(db, SYSTEM_ACTOR, {
    username,
    displayName,
    password: FACTORY_PASSWORD,
    assignments,
  });
  return { username, password: FACTORY_PASSWORD, actor: { userId: id, username, displayName, assignments } };
}

/** A child registered by `actor` (a boy born 2025-01-15 in Posyandu Melati unless told otherwise). */
export async function child(
  db: Kysely<Database>,
  actor: Actor,
  input: Partial<PersonInput> & { regionCode: string },
): Promise<{ id: string }> {
  const created = await createPerson(db, actor, {
    name: "Anak Uji",
    sex: 1,
    birthDate: "2025-01-15",
    ...input,
  });
  return { id: created.person.id };
}

/** A measurement of `personId` taken by `actor` (weight and length of an ordinary one-year-old by default). */
export async function measurement(
  db: Kysely<Database>,
  actor: Actor,
  input: Partial<MeasurementInput> & { personId: string },
): Promise<{ id: string }> {
  const view = await recordMeasurement(db, actor, {
    measuredOn: "2026-01-15",
    weightKg: 9.2,
    lenheiCm: 75,
    measure: "l",
    ...input,
  });
  return { id: view.id };
}
