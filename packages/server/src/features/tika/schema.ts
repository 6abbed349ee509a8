// The tika feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface TikaReadingsTable {
  id: string;
  person_id: string;
  region_code: string;
  measured_on: string;
  /** "merah" | "kuning" | "hijau" (core TIKA_BAND_CODES). */
  band: string;
  /** Who laid the child on the mat, as entered; `created_by` is the account that recorded it. */
  measured_by: string | null;
  created_at: string;
  created_by: string | null;
}

export interface TikaTables {
  tika_readings: TikaReadingsTable;
}
