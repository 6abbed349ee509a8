import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Actor, SYSTEM_ACTOR } from "@tumbuh/core";
import { expect, it } from "vitest";
import { DATA_DIR } from "../../data-files";
import { describeEachDialect } from "../../testing/dialects";
import { countRegions } from "./repository";
import { importRegions, viewRegion } from "./service";

const file = (name: string) => readFileSync(join(DATA_DIR, "regions", name), "utf8");

describeEachDialect("region import", (db) => {
  it("loads the Paser and PALI extracts with exact counts, and again without duplicates", async () => {
    const k = db().kysely;
    await importRegions(k, SYSTEM_ACTOR, file("provinsi.csv"));
    for (let round = 0; round < 2; round++) {
      expect((await importRegions(k, SYSTEM_ACTOR, file("paser-6401.csv"))).errors).toEqual([]);
      expect((await importRegions(k, SYSTEM_ACTOR, file("pali-1612.csv"))).imported).toBe(77);
    }
    expect(await countRegions(k, "64.01")).toEqual({ kab: 1, kecamatan: 10, desa: 139, kelurahan: 5 });
    expect(await countRegions(k, "16.12")).toEqual({ kab: 1, kecamatan: 5, desa: 65, kelurahan: 6 });
  });

  it("stores the good rows and reports the bad ones; all-or-nothing stores none", async () => {
    const k = db().kysely;
    await importRegions(k, SYSTEM_ACTOR, file("provinsi.csv"));
    const csv =
      "code,name,level,kind,parent_code\n64.01,Kabupaten Paser,kabupaten,kab,64\n64.01.xx,Bad,kecamatan,kecamatan,64.01\n";
    const strict = await importRegions(k, SYSTEM_ACTOR, csv, { allOrNothing: true });
    expect(strict).toMatchObject({ imported: 0, errors: [{ line: 3, column: "code" }] });
    expect(await countRegions(k, "64.01")).toEqual({});
    const lenient = await importRegions(k, SYSTEM_ACTOR, csv);
    expect(lenient.imported).toBe(1);
    expect(await countRegions(k, "64.01")).toEqual({ kab: 1 });
  });

  it("refuses a non-administrator", async () => {
    const kpm: Actor = {
      ...SYSTEM_ACTOR,
      userId: "k",
      assignments: [{ role: "kpm", scope: "64.01.05.2003" }],
    };
    await expect(importRegions(db().kysely, kpm, file("provinsi.csv"))).rejects.toMatchObject({
      status: 403,
    });
  });

  it("views are scoped in the repository: an actor outside gets not found", async () => {
    const k = db().kysely;
    await importRegions(k, SYSTEM_ACTOR, file("provinsi.csv"));
    await importRegions(k, SYSTEM_ACTOR, file("pali-1612.csv"));
    const paserOnly: Actor = { ...SYSTEM_ACTOR, assignments: [{ role: "admin_kabupaten", scope: "64.01" }] };
    await expect(viewRegion(k, paserOnly, "16.12")).rejects.toMatchObject({ status: 404, code: "not_found" });
    expect((await viewRegion(k, SYSTEM_ACTOR, "16.12")).children).toHaveLength(5);
  });
});
