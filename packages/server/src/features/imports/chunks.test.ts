import { SYSTEM_ACTOR } from "@tumbuh/core";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { type Db, openSqliteCopy, serializeSqlite } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { freshDatabase } from "../../testing/dialects";
import { feedByRegion } from "../../testing/table-rows";
import { importMeasurements } from "./service";

/**
 * Issue 16: an import checks its rows a chunk at a time and stores each chunk while it checks the next. What
 * it learns carries over from chunk to chunk — places, the registry's children, who the file registers, the
 * child-days already stored — so a file in chunks of any size must give exactly what the whole file gives
 * at once: the same report, the same persons and measurements, the same feed for devices.
 */

const HEADER =
  "NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,Prov,Kab/Kota,Kec,Puskesmas,Desa/Kel,Posyandu,RT,RW,Alamat,Usia Saat Ukur,Tanggal Pengukuran,Berat,Tinggi,Cara Ukur,LiLA";

interface Child {
  nik: string;
  name: string;
  sex: "L" | "P";
  born: string;
  parent: string;
  desa: string;
}

/** Children of two desa; some with a NIK, two of the same name and birth date in different desa. */
const CHILDREN: readonly Child[] = [
  { nik: "", name: "Aisyah", sex: "P", born: "07/03/2024", parent: "Siti", desa: "SANDELEY" },
  { nik: "", name: "Aisyah", sex: "P", born: "07/03/2024", parent: "Rina", desa: "KUARO" },
  { nik: "6401054301250004", name: "Citra", sex: "P", born: "03/01/2025", parent: "Dewi", desa: "SANDELEY" },
  { nik: "", name: "Budi Santoso", sex: "L", born: "20/01/2025", parent: "Rina", desa: "KUARO" },
  { nik: "", name: "Budi Santosa", sex: "L", born: "20/01/2025", parent: "Rina", desa: "KUARO" },
  { nik: "", name: "Eka", sex: "L", born: "15/06/2023", parent: "Wati", desa: "ATLANTIS" },
];

const line = (c: Child, day: string, weight: string) =>
  `${c.nik},${c.name},${c.sex},${c.born},"3,1",49,${c.parent},KALIMANTAN TIMUR,PASER,KUARO,KUARO,${c.desa},,003,001,Jl. Poros,,${day},"${weight}","76,5",Telentang,`;

const row = fc.record({
  child: fc.constantFrom(...CHILDREN),
  day: fc.constantFrom("10/08/2026", "15/08/2026", "2026-08-20"),
  weight: fc.constantFrom("9,1", "8,4", "0", "12"),
});

let image: Buffer;

beforeAll(async () => {
  // The demo regency's places, and children already registered by an earlier month's file.
  const db = await freshDatabase("sqlite");
  await ensureDemo(db.kysely, { children: 0 });
  const earlier = [
    HEADER,
    line(CHILDREN[0] as Child, "15/07/2026", "8,8"),
    line(CHILDREN[2] as Child, "15/08/2026", "7,9"),
  ];
  await importMeasurements(db.kysely, SYSTEM_ACTOR, Buffer.from(earlier.join("\n")), {
    fileName: "juli.csv",
    today: "2026-11-22",
  });
  image = serializeSqlite(db);
  await db.close();
});

/** What the import left, without its ids and clock: persons, measurements, the devices' feed. */
async function stored(db: Db) {
  const persons = await db.kysely
    .selectFrom("persons")
    .select(["name", "nik", "sex", "birth_date", "region_code", "parent_name"])
    .orderBy(["name", "region_code", "birth_date", "parent_name"])
    .execute();
  const measurements = await db.kysely
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["p.name", "p.region_code", "p.parent_name", "m.measured_on", "m.weight_kg", "m.zwei", "m.bbu"])
    .orderBy(["p.name", "p.region_code", "p.parent_name", "m.measured_on"])
    .execute();
  return { persons, measurements, feed: await feedByRegion(db.kysely) };
}

async function importInto(file: string, chunkRows?: number) {
  const db = openSqliteCopy(image);
  try {
    const report = await importMeasurements(db.kysely, SYSTEM_ACTOR, Buffer.from(file), {
      fileName: "agustus.csv",
      today: "2026-11-22",
      chunkRows,
    });
    return { report, stored: await stored(db) };
  } finally {
    await db.close();
  }
}

it("a file checked in chunks of any size gives what the whole file at once gives", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(row, { minLength: 1, maxLength: 14 }),
      fc.integer({ min: 1, max: 5 }),
      async (rows, chunkRows) => {
        const file = [HEADER, ...rows.map((r) => line(r.child, r.day, r.weight))].join("\n");
        const whole = await importInto(file);
        const chunked = await importInto(file, chunkRows);
        expect(chunked).toEqual(whole);
      },
    ),
    { numRuns: 40 },
  );
});
