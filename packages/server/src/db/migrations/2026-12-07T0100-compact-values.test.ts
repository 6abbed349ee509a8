import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { emptyDatabase } from "../../testing/dialects";
import { sqliteHandleOf } from "../bulk-insert";
import { migrator } from "../migrate";

const BEFORE = "2026-12-06T2200-feed-by-statement";
const THIS = "2026-12-07T0100-compact-values";

const HOUSEHOLD = "0190a000-0000-7000-8000-00000000000a";
const MOTHER = "0190a000-0000-7000-8000-0000000000b1";
const CHILD = "0190a000-0000-7000-8000-0000000000b2";
const MEASUREMENT = "0190a000-0000-7000-8000-0000000000c1";
const SESSION = "0190a000-0000-7000-8000-0000000000d1";
/** A name typed as an id would be: it is stored as bytes too, and must come back as typed. */
const ODD_NAME = "0190a000-0000-7000-8000-0000000000e1";

// Written as SQL text, not bound: bound parameters are converted by the driver, and these rows must be
// stored as an older build stored them (text).
const ROWS = [
  `insert into regions (code, name, level, kind, parent_code, source, created_at)
   values ('64.01.01.2009', 'Desa Uji', 'desa', 'desa', null, 'test', '2026-01-01T00:00:00.000Z')`,
  `insert into households (id, region_code, address, water_source, latrine_type, created_at, updated_at, revision)
   values ('${HOUSEHOLD}', '64.01.01.2009', 'Jl. Uji', 'pdam', 'leher_angsa', '2026-01-01', '2026-01-01', 1)`,
  `insert into persons (id, region_code, household_id, name, name_key, sex, birth_date, mother_id, created_at, updated_at, revision)
   values ('${MOTHER}', '64.01.01.2009', '${HOUSEHOLD}', '${ODD_NAME}', 'ibu', 2, '1995-01-01', null, '2026-01-01', '2026-01-01', 1),
          ('${CHILD}', '64.01.01.2009', '${HOUSEHOLD}', 'Anak', 'anak', 1, '2025-01-01', '${MOTHER}', '2026-01-01', '2026-01-01', 1)`,
  `insert into posyandu_sessions (id, region_code, held_on, cadres_json, created_at)
   values ('${SESSION}', '64.01.01.2009', '2026-01-10', '[]', '2026-01-10')`,
  `insert into measurements (id, person_id, region_code, session_id, measured_on, weight_kg, oedema, created_at, flagged, growth_version, tbu)
   values ('${MEASUREMENT}', '${CHILD}', '64.01.01.2009', '${SESSION}', '2026-01-10', 9.1, 0, '2026-01-10', 0, 1, 'tbu.normal')`,
];

const dump = async (db: Kysely<any>) => ({
  persons: (await sql`select id, household_id, mother_id, name from persons order by id`.execute(db)).rows,
  measurements: (await sql`select id, person_id, session_id, tbu from measurements`.execute(db)).rows,
  households: (await sql`select id from households`.execute(db)).rows,
});

it("compact values: every row and reference survives up and down, the feed and the audit log untouched", async () => {
  const db = await emptyDatabase("sqlite");
  try {
    const k = db.kysely as Kysely<any>;
    const m = migrator(k);
    const to = await m.migrateTo(BEFORE);
    if (to.error) throw to.error;
    for (const row of ROWS) await sql.raw(row).execute(k);
    await sql`delete from sync_changes`.execute(k);
    const h = sqliteHandleOf(k);
    if (!h) throw new Error("not SQLite");
    const typeOf = () =>
      h.prepare("select typeof(id) || ':' || length(id) from measurements").pluck().get() as string;
    const triggers = () =>
      h.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all();
    expect(typeOf()).toBe("text:36");
    const textRows = await dump(k);
    const textTriggers = triggers();

    const up = await m.migrateTo(THIS);
    if (up.error) throw up.error;
    expect(typeOf()).toBe("blob:16");
    expect(h.prepare("select hex(tbu) from measurements").pluck().get()).toBe("0143");
    // The driver shows the same text as before; the references still join.
    expect(await dump(k)).toEqual(textRows);
    expect(h.prepare("pragma foreign_key_check").all()).toEqual([]);
    expect(
      h
        .prepare(
          "select count(*) from measurements m join persons p on p.id = m.person_id join households h on h.id = p.household_id",
        )
        .pluck()
        .get(),
    ).toBe(1);
    expect(h.prepare("select name from persons where id = ?").pluck().get(MOTHER)).toBe(ODD_NAME);
    // Not a change any device must pull, nor a desa to rebuild.
    expect(h.prepare("select count(*) from sync_changes").pluck().get()).toBe(0);
    expect(triggers()).toEqual(textTriggers);
    expect(Number(h.pragma("foreign_keys", { simple: true }))).toBe(1);

    const down = await m.migrateTo(BEFORE);
    if (down.error) throw down.error;
    expect(typeOf()).toBe("text:36");
    expect(await dump(k)).toEqual(textRows);
    expect(h.prepare("select typeof(tbu) || tbu from measurements").pluck().get()).toBe("texttbu.normal");
    expect(h.prepare("select count(*) from persons where typeof(mother_id) = 'blob'").pluck().get()).toBe(0);
    expect(h.prepare("pragma foreign_key_check").all()).toEqual([]);
    expect(triggers()).toEqual(textTriggers);
  } finally {
    await db.close();
  }
});
