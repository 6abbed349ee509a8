import { createHash } from "node:crypto";
import { SYSTEM_ACTOR } from "@tumbuh/core";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { rowCount } from "../../testing/table-rows";
import { importMeasurements } from "./service";

const HEADER =
  "NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,Prov,Kab/Kota,Kec,Puskesmas,Desa/Kel,Posyandu,RT,RW,Alamat,Usia Saat Ukur,Tanggal Pengukuran,Berat,Tinggi,Cara Ukur,LiLA";
const row = (o: Partial<Record<string, string>>) => {
  const r = {
    nik: "",
    nama: "Aisyah",
    jk: "P",
    lahir: "07/03/2024",
    ortu: "Siti Aminah",
    kab: "PASER",
    kec: "KUARO",
    desa: "SANDELEY",
    pos: "MELATI",
    tgl: "15/08/2026",
    bb: "9,1",
    tb: "76,5",
    cara: "Telentang",
    ...o,
  };
  return `${r.nik},${r.nama},${r.jk},${r.lahir},"3,1",49,${r.ortu},KALIMANTAN TIMUR,${r.kab},${r.kec},KUARO,${r.desa},${r.pos},003,001,Jl. Poros,,${r.tgl},"${r.bb}","${r.tb}",${r.cara},`;
};

/** Lines 2–4 good; 5–11 each bad in one documented way; 12 a duplicate of line 2. */
const FILE = [
  HEADER,
  row({}),
  row({
    nama: "Budi Santoso",
    jk: "L",
    lahir: "2025-01-20",
    ortu: "Rina",
    tgl: "2026-08-15",
    bb: "8,2",
    tb: "70,1",
  }),
  row({ nama: "Citra", nik: "6401054301250004", lahir: "03/01/2025", ortu: "Dewi", bb: "8", tb: "71" }),
  row({ nama: "Dani", nik: "640105012500", lahir: "01/01/2025" }),
  row({ nama: "Eka", tgl: "15/08/2099" }),
  row({ nama: "Fajar", bb: "0" }),
  row({ nama: "Gita", tb: "tujuh puluh" }),
  row({ nama: "Hana", desa: "ATLANTIS" }),
  row({ nama: "Intan", lahir: "31/02/2024" }),
  row({ nama: "Joko", jk: "" }),
  row({}),
].join("\n");

/** The import job's view once the in-process runner has finished it. */
async function finishedJob(api: Awaited<ReturnType<typeof testApi>>, user: string, id: string) {
  await api.jobs.idle();
  const res = await api.request(user, { method: "GET", url: `/api/jobs/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function counts(db: Db) {
  return {
    persons: await rowCount(db.kysely, "persons"),
    measurements: await rowCount(db.kysely, "measurements"),
  };
}

describeEachDialect("e-PPGBM import", (db) => {
  beforeEach(async () => {
    await ensureDemo(db().kysely, { children: 0 });
  });

  const run = (text: string, opts: { dryRun?: boolean; allOrNothing?: boolean } = {}) =>
    importMeasurements(db().kysely, SYSTEM_ACTOR, Buffer.from(text), {
      fileName: "agustus.csv",
      today: "2026-11-22",
      ...opts,
    });

  it("stores the good rows, reports every bad one by line and column, and changes nothing else", async () => {
    const before = await counts(db());
    const report = await run(FILE);
    expect(report.rows).toBe(11);
    expect(report.stored).toEqual({ persons: 3, measurements: 3 });
    expect(report.rejected.map((e) => [e.line, e.column])).toEqual([
      [5, "NIK"],
      [6, "Tanggal Pengukuran"],
      [7, "Berat"],
      [8, "Tinggi"],
      [9, "Desa/Kel"],
      [10, "Tgl Lahir"],
      [11, "JK"],
      [12, "Tanggal Pengukuran"],
    ]);
    expect(report.rejected.find((e) => e.line === 12)).toMatchObject({
      code: "duplicate_row",
      params: { line: 2 },
    });
    expect(await counts(db())).toEqual({
      persons: before.persons + 3,
      measurements: before.measurements + 3,
    });
    const citra = await db()
      .kysely.selectFrom("persons")
      .selectAll()
      .where("name", "=", "Citra")
      .executeTakeFirstOrThrow();
    expect(citra).toMatchObject({ region_code: "64.01.05.2003.P01", nik: "6401054301250004", sex: 2 });
    const m = await db()
      .kysely.selectFrom("measurements")
      .selectAll()
      .where("person_id", "=", citra.id)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      weight_kg: 8,
      lenhei_cm: 71,
      measure: "l",
      measured_on: "2026-08-15",
      growth_version: 1,
    });
    expect(m.tbu).toMatch(/^tbu\./);
  });

  it("keeps the file's SHA-256 on the import row, marked done", async () => {
    await run(FILE);
    const imports = await db().kysely.selectFrom("imports").select(["sha256", "status"]).execute();
    expect(imports).toEqual([{ sha256: createHash("sha256").update(FILE).digest("hex"), status: "done" }]);
  });

  it("importing the same file again creates nothing new", async () => {
    await run(FILE);
    const after = await counts(db());
    const again = await run(FILE);
    expect(again.stored).toEqual({ persons: 0, measurements: 0 });
    expect(again.alreadyPresent).toBe(3);
    expect(await counts(db())).toEqual(after);
  });

  it("dry run and all-or-nothing store nothing; a clean file all-or-nothing stores all", async () => {
    const before = await counts(db());
    expect((await run(FILE, { dryRun: true })).stored.measurements).toBe(3);
    expect((await run(FILE, { allOrNothing: true })).stored.measurements).toBe(0);
    expect(await counts(db())).toEqual(before);
    const clean = FILE.split("\n")
      .slice(0, 5 - 1)
      .join("\n");
    expect((await run(clean, { allOrNothing: true })).stored.measurements).toBe(3);
  });

  it("a crash in the middle leaves the database as it was before the import", async () => {
    const k = db().kysely;
    const before = await counts(db());
    if (db().dialect === "sqlite") {
      await sql`create trigger boom before insert on measurements when new.weight_kg = 8.2
        begin select raise(abort, 'disk on fire'); end`.execute(k);
    } else {
      await sql`create function boom() returns trigger language plpgsql as $$
        begin if new.weight_kg = 8.2 then raise exception 'disk on fire'; end if; return new; end $$`.execute(
        k,
      );
      await sql`create trigger boom before insert on measurements for each row execute function boom()`.execute(
        k,
      );
    }
    await expect(run(FILE)).rejects.toThrow(/disk on fire/);
    expect(await counts(db())).toEqual(before);
  });

  it("finds a child by NIK in the desa it was registered in when a later file names another desa", async () => {
    const citra = {
      nama: "Citra",
      nik: "6401054301250004",
      lahir: "03/01/2025",
      ortu: "Dewi",
      bb: "8",
      tb: "71",
    };
    await run([HEADER, row(citra)].join("\n"));
    const before = await counts(db());
    // September's file places her in Kuaro (the desa next door): the registry is read there, and by her NIK.
    const r = await run([HEADER, row({ ...citra, desa: "KUARO", pos: "", tgl: "15/09/2026" })].join("\n"));
    expect(r.stored).toEqual({ persons: 0, measurements: 1 });
    expect(await counts(db())).toEqual({ persons: before.persons, measurements: before.measurements + 1 });
    const days = await db()
      .kysely.selectFrom("measurements as m")
      .innerJoin("persons as p", "p.id", "m.person_id")
      .select(["m.measured_on", "p.region_code"])
      .where("p.nik", "=", citra.nik)
      .orderBy("m.measured_on")
      .execute();
    expect(days.map((d) => d.measured_on)).toEqual(["2026-08-15", "2026-09-15"]);
    expect(new Set(days.map((d) => d.region_code)).size).toBe(1);
  });

  it("reports progress that never runs past its total and ends at the file's rows", async () => {
    const many = [
      HEADER,
      ...Array.from({ length: 60 }, (_, i) =>
        row({ nama: `Anak ${i}`, tgl: `${String(1 + (i % 28)).padStart(2, "0")}/08/2026` }),
      ),
    ].join("\n");
    const seen: [number, number][] = [];
    const r = await importMeasurements(db().kysely, SYSTEM_ACTOR, Buffer.from(many), {
      fileName: "agustus.csv",
      today: "2026-11-22",
      chunkRows: 10,
      progress: (done, total) => seen.push([done, total]),
    });
    expect(r.rows).toBe(60);
    expect(seen.every(([done, total]) => done <= total)).toBe(true);
    // The total is estimated from the share of the file the first rows took (the header's too), then exact.
    expect(seen[0]?.[0]).toBe(0);
    expect(Math.abs((seen[0]?.[1] ?? 0) - 60)).toBeLessThanOrEqual(6);
    expect(seen.at(-1)).toEqual([60, 60]);
  });

  it("a file found over the row limit as it is read fails with file_too_large and leaves nothing stored", async () => {
    const before = await counts(db());
    const many = [
      HEADER,
      ...Array.from({ length: 60 }, (_, i) => row({ nama: `Anak ${i}`, lahir: "07/03/2024" })),
    ].join("\n");
    await expect(
      importMeasurements(db().kysely, SYSTEM_ACTOR, Buffer.from(many), {
        fileName: "besar.csv",
        today: "2026-11-22",
        // Chunks of 10: the first rows are stored before the reader reaches the limit.
        chunkRows: 10,
        limits: { maxRows: 40, maxCells: 1_000_000, maxUnpackedBytes: 1_000_000 },
      }),
    ).rejects.toMatchObject({ code: "file_too_large" });
    expect(await counts(db())).toEqual(before);
    const imports = await db().kysely.selectFrom("imports").select("id").execute();
    expect(imports).toEqual([]);
  });

  it("reads the XLSX export as well, with dates and numbers as Excel stores them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(HEADER.split(","));
    ws.addRow([
      "'6401054301250004",
      "Citra",
      "P",
      new Date(Date.UTC(2025, 0, 3)),
      3.1,
      49,
      "Dewi",
      "KALIMANTAN TIMUR",
      "Paser",
      "Kuaro",
      "Kuaro",
      "Sandeley",
      "Posyandu Melati",
      "003",
      "001",
      "Jl. Poros",
      "",
      new Date(Date.UTC(2026, 7, 15)),
      8,
      71,
      "Telentang",
      14.2,
    ]);
    ws.addRow([
      "",
      "Hana",
      "P",
      "01/02/2024",
      "",
      "",
      "",
      "",
      "PASER",
      "KUARO",
      "",
      "ATLANTIS",
      "",
      "",
      "",
      "",
      "",
      "15/08/2026",
      9,
      75,
      "Telentang",
      "",
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await importMeasurements(db().kysely, SYSTEM_ACTOR, bytes, {
      fileName: "a.xlsx",
      today: "2026-11-22",
    });
    expect(report.stored).toEqual({ persons: 1, measurements: 1 });
    expect(report.rejected).toEqual([
      {
        line: 3,
        column: "Desa/Kel",
        code: "unknown_desa",
        params: expect.objectContaining({ name: "ATLANTIS" }),
      },
    ]);
  });

  it("rows of a desa outside the user's area are rejected, through the API too", async () => {
    const api = await testApi(db());
    const other = FILE.split("\n")
      .slice(0, 3)
      .join("\n")
      .replace(/SANDELEY/g, "LOLO");
    const res = await api.request("kpm.sandeley", {
      method: "POST",
      url: "/api/imports/measurements?fileName=lolo.csv",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from(other),
    });
    expect(res.statusCode).toBe(202);
    const job = await finishedJob(api, "kpm.sandeley", res.json().jobId);
    expect(job.status).toBe("done");
    expect(job.result.stored.measurements).toBe(0);
    expect(job.result.rejected[0].code).toMatch(/outside_area|unknown_/);
    await api.app.close();
  });

  it("takes a file over the 5 MB limit of JSON bodies, up to 50 MB", async () => {
    const api = await testApi(db());
    const upload = (bytes: Buffer) =>
      api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/imports/measurements?fileName=besar.csv&dryRun=true",
        headers: { "content-type": "application/octet-stream" },
        payload: bytes,
      });
    // A long address pads the one good row past 5 MB.
    const big = await upload(
      Buffer.from(`${HEADER}\n${row({}).replace("Jl. Poros", "x".repeat(6_000_000))}`),
    );
    expect(big.statusCode, big.body.slice(0, 300)).toBe(202);
    const job = await finishedJob(api, "kpm.sandeley", big.json().jobId);
    expect(job.result).toMatchObject({ rows: 1, dryRun: true });
    expect((await upload(Buffer.alloc(51 * 1024 * 1024, 0x41))).statusCode).toBe(413);
    await api.app.close();
  });
});
