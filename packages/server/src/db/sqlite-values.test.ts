import { PERMENKES_BANDS } from "@tumbuh/growth";
import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { describeEachDialect, freshDatabase } from "../testing/dialects";
import { uuidv7 } from "../util/ids";
import { sqliteHandleOf } from "./bulk-insert";
import { CATEGORY_NUMBERS_THEN } from "./migrations/2026-12-07T0100-compact-values";
import { forEachRow } from "./raw-rows";
import { CATEGORY_CODES, fromSqliteValue, isCanonicalUuid, toSqliteValue } from "./sqlite-values";

describe("sqlite ids", () => {
  it("turn every canonical UUID into 16 bytes and back into the same text", () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const bytes = toSqliteValue(id);
        expect(bytes).toBeInstanceOf(Buffer);
        expect((bytes as Buffer).length).toBe(16);
        expect((bytes as Buffer).toString("hex")).toBe(id.replaceAll("-", ""));
        expect(fromSqliteValue(bytes)).toBe(id);
      }),
    );
  });

  it("keep the order of the text in the order of the bytes (ORDER BY id and cursor paging)", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        const byText = Math.sign(a < b ? -1 : a > b ? 1 : 0);
        expect(Math.sign(Buffer.compare(toSqliteValue(a) as Buffer, toSqliteValue(b) as Buffer))).toBe(
          byText,
        );
      }),
    );
  });

  it("give every growth category a code of two characters, never renumbering the ones stored before", () => {
    for (const band of PERMENKES_BANDS) expect(CATEGORY_CODES).toContain(band.code);
    expect(CATEGORY_CODES.slice(0, CATEGORY_NUMBERS_THEN.length)).toEqual(CATEGORY_NUMBERS_THEN);
    expect(new Set(CATEGORY_CODES).size).toBe(CATEGORY_CODES.length);
    expect(CATEGORY_CODES.length).toBeLessThan(256);
    for (const code of CATEGORY_CODES) {
      const stored = toSqliteValue(code) as string;
      expect(stored.length).toBe(2);
      expect(stored.charCodeAt(0)).toBe(1);
      expect(fromSqliteValue(stored)).toBe(code);
    }
    expect(toSqliteValue("tbu.normal")).toBe("\u0001C");
  });

  it("store as bytes exactly the strings the canonical pattern matches, near misses as text", () => {
    const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    // Canonical ids with one character changed to anything (a digit, a capital, a dash, é, an emoji half).
    const nearMiss = fc
      .tuple(
        fc.uuid(),
        fc.nat(35),
        fc.constantFrom("0", "f", "g", "A", "F", "-", " ", "é", "\ud83d", "/", ":"),
      )
      .map(([id, at, ch]) => id.slice(0, at) + ch + id.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), nearMiss, fc.string({ maxLength: 40 })), (v) => {
        const stored = toSqliteValue(v);
        expect(stored instanceof Buffer).toBe(CANONICAL.test(v));
        expect(isCanonicalUuid(v)).toBe(CANONICAL.test(v));
        if (stored instanceof Buffer) expect(stored.toString("hex")).toBe(v.replaceAll("-", ""));
      }),
      { numRuns: 2000 },
    );
  });

  it("bind every id of a statement with many as its own bytes (the buffers are reused between statements)", async () => {
    const db = await freshDatabase("sqlite");
    try {
      const h = sqliteHandleOf(db.kysely);
      if (!h) throw new Error("not SQLite");
      h.exec("create table pairs (a, b, c)");
      const ids = Array.from({ length: 300 }, () => uuidv7());
      // One statement binding 300 ids, then one binding 3 more (reusing the first buffers).
      h.prepare(`insert into pairs values ${Array.from({ length: 100 }, () => "(?, ?, ?)").join(", ")}`).run(
        ids,
      );
      const more = [uuidv7(), uuidv7(), uuidv7()];
      h.prepare("insert into pairs values (?, ?, ?)").run(more);
      ids.push(...more);
      const back = h.prepare("select a, b, c from pairs order by rowid").raw().all() as string[][];
      expect(back.flat()).toEqual(ids);
      expect(h.prepare("select count(*) from pairs where typeof(a) = 'blob'").pluck().get()).toBe(101);
    } finally {
      await db.close();
    }
  });

  it("leave every other value as it is: upper case, no dashes, braces, other lengths, numbers, other blobs", () => {
    const id = uuidv7();
    for (const v of [
      id.toUpperCase(),
      id.replaceAll("-", ""),
      `{${id}}`,
      ` ${id}`,
      `${id.slice(0, 35)}g`,
      "2026-12-07",
      "tbu.Normal",
      "tbu.normal ",
      "",
      42,
      null,
    ]) {
      expect(toSqliteValue(v)).toBe(v);
      expect(isCanonicalUuid(String(v))).toBe(false);
    }
    for (const blob of [Buffer.alloc(15), Buffer.alloc(2), Buffer.from([3])])
      expect(fromSqliteValue(blob)).toBe(blob);
    for (const text of ["\u0001~", "\u0002C", "\u0001CC", "C"]) expect(fromSqliteValue(text)).toBe(text);
    expect(fromSqliteValue("x")).toBe("x");
  });
});

it("no column of the schema is declared binary: its 1- and 16-byte values would read back as text", async () => {
  const db = await freshDatabase("sqlite");
  try {
    const binary = await sql<{ tbl: string; name: string }>`
      select m.name as tbl, c.name from sqlite_master m, pragma_table_info(m.name) c
      where m.type = 'table' and m.name not like 'sqlite_%'
        and (upper(c.type) like '%BLOB%' or upper(c.type) like '%BYTEA%' or c.type = '')`.execute(db.kysely);
    expect(binary.rows).toEqual([]);
  } finally {
    await db.close();
  }
});

type Probe = { id_probe: { id: string; note: string | null; parent: string | null } };

describeEachDialect("ids in the database", (db, dialect) => {
  const probe = async () => {
    const k = db().kysely as unknown as Kysely<Probe>;
    await sql`create table id_probe (id text primary key, note text, parent text)`.execute(k);
    return k;
  };

  it("come back as the text that was stored, in the order of the text, with paging by id", async () => {
    const k = await probe();
    const ids = Array.from({ length: 40 }, () => uuidv7()).concat(
      // Not of one millisecond: other first bytes too, and the extremes of the hex digits.
      "00000000-0000-7000-8000-000000000000",
      "ffffffff-ffff-7fff-bfff-ffffffffffff",
      "0a9f0000-0000-7000-8000-00000000000a",
    );
    await k
      .insertInto("id_probe")
      .values(ids.map((id, i) => ({ id, note: `n${i}`, parent: ids[0] ?? null })))
      .execute();
    const sorted = [...ids].sort();
    const all = await k.selectFrom("id_probe").select(["id", "parent"]).orderBy("id").execute();
    expect(all.map((r) => r.id)).toEqual(sorted);
    expect(new Set(all.map((r) => r.parent))).toEqual(new Set([ids[0]]));
    const after = await k
      .selectFrom("id_probe")
      .select("id")
      .where("id", ">", sorted[9] as string)
      .orderBy("id")
      .limit(5)
      .execute();
    expect(after.map((r) => r.id)).toEqual(sorted.slice(10, 15));
    const some = await k
      .selectFrom("id_probe")
      .select("note")
      .where("id", "in", [ids[3] as string, ids[7] as string])
      .orderBy("note")
      .execute();
    expect(some.map((r) => r.note)).toEqual(["n3", "n7"]);
    const joined = await k
      .selectFrom("id_probe as a")
      .innerJoin("id_probe as b", "b.id", "a.parent")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("b.id").as("p")])
      .executeTakeFirstOrThrow();
    expect(Number(joined.n)).toBe(ids.length);
    expect(joined.p).toBe(ids[0]);
  });

  it("take 16 bytes on SQLite (text on PostgreSQL), also through the raw paths", async () => {
    const k = await probe();
    const id = uuidv7();
    await k.insertInto("id_probe").values({ id, note: null, parent: null }).execute();
    const stored = await sql<{ t: string; n: number }>`${
      dialect === "sqlite" ? sql`select typeof(id) as t` : sql`select pg_typeof(id)::text as t`
    }, length(id) as n from id_probe`.execute(k);
    expect(stored.rows[0]).toEqual(dialect === "sqlite" ? { t: "blob", n: 16 } : { t: "text", n: 36 });
    const visited: unknown[][] = [];
    await forEachRow(db().kysely, k.selectFrom("id_probe").select(["id", "note"]), (row) =>
      visited.push(row),
    );
    expect(visited).toEqual([[id, null]]);
    const h = sqliteHandleOf(db().kysely);
    if (h) {
      h.prepare("insert into id_probe (id, note) values (?, ?)").run(uuidv7(), "raw");
      expect(h.prepare("select id from id_probe where id = ?").pluck().get(id)).toBe(id);
      expect(h.prepare("select count(*) from id_probe where typeof(id) = 'blob'").pluck().get()).toBe(2);
      expect(h.prepare("select id, note from id_probe where note = @note").get({ note: "raw" })).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        note: "raw",
      });
    }
  });

  it("keep a text someone typed that happens to look like an id or a category exactly as typed", async () => {
    const k = await probe();
    const typed = uuidv7();
    const others = [typed.toUpperCase(), `${typed} `, "tbu.pendek", "catatan biasa"];
    await k
      .insertInto("id_probe")
      .values([typed, ...others].map((note) => ({ id: uuidv7(), note, parent: null })))
      .execute();
    const notes = await k.selectFrom("id_probe").select("note").orderBy("id").execute();
    expect(notes.map((r) => r.note)).toEqual([typed, ...others]);
    const found = await k.selectFrom("id_probe").select("note").where("note", "=", typed).execute();
    expect(found).toEqual([{ note: typed }]);
  });
});
