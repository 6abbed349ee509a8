import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDemo, migrateToLatest, openDatabase } from "@tumbuh/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testApi } from "../../../server/src/testing/api";
import { uuidv7 } from "../../../server/src/util/ids";
import { runReport } from "./report";
import { runTika } from "./tika";

const SANDELEY = "64.01.05.2003";
let dir = "";
const before = process.env.TUMBUH_DATABASE_URL;

/* Two children of Posyandu Melati, September 2025: Ani read merah on the mat; Bayu only measured, 70 cm at
 * 13 months (−2.9 SD) → merah from his length. A third, Caca, has a kuning reading in P02. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-tika-cli-"));
  const file = join(dir, "t.db");
  const db = openDatabase(file);
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const post = async (url: string, payload: object) => {
    const res = await api.request("kpm.sandeley", { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const child = async (name: string, sex: 1 | 2, birthDate: string, regionCode: string) =>
    (await post("/api/persons", { regionCode, name, sex, birthDate })).person.id as string;
  const ani = await child("Ani", 2, "2025-01-15", `${SANDELEY}.P01`);
  const bayu = await child("Bayu", 1, "2024-08-01", `${SANDELEY}.P01`);
  const caca = await child("Caca", 2, "2025-02-01", `${SANDELEY}.P02`);
  await post("/api/tika-readings", { id: uuidv7(), personId: ani, measuredOn: "2025-09-10", band: "merah" });
  await post("/api/measurements", { personId: bayu, measuredOn: "2025-09-05", lenheiCm: 70, measure: "l" });
  await post("/api/tika-readings", {
    id: uuidv7(),
    personId: caca,
    measuredOn: "2025-09-11",
    band: "kuning",
  });
  await api.app.close();
  await db.close();
  process.env.TUMBUH_DATABASE_URL = file;
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  if (before === undefined) delete process.env.TUMBUH_DATABASE_URL;
  else process.env.TUMBUH_DATABASE_URL = before;
  rmSync(dir, { recursive: true, force: true });
});

async function json(run: (argv: string[]) => Promise<number>, argv: string[]) {
  const out = join(dir, `${uuidv7()}.json`);
  expect(await run([...argv, "--output", out])).toBe(0);
  return JSON.parse(readFileSync(out, "utf8"));
}

describe("tumbuh tika", () => {
  it("prints the counts per posyandu and for the desa, as counted by hand", async () => {
    const view = await json(runTika, ["--region", SANDELEY, "--period", "2025-09"]);
    expect(view.total).toMatchObject({
      children: 3,
      merah: 2,
      kuning: 1,
      hijau: 0,
      fromReading: 2,
      fromLength: 1,
    });
    expect(view.rows.map((r: { code: string }) => r.code)).toEqual([`${SANDELEY}.P01`, `${SANDELEY}.P02`]);
  });

  it("the desa's monthly and yearly reports show the same tika figures as the command", async () => {
    for (const [kind, period] of [
      ["desa_monthly", "2025-09"],
      ["desa_yearly", "2025"],
    ] as const) {
      const tika = (await json(runTika, ["--region", SANDELEY, "--period", period])).total;
      const report = await json(runReport, ["--kind", kind, "--region", SANDELEY, "--period", period]);
      const section = report.figures.sections.find((s: { code: string }) => s.code === "tika");
      const value = (key: string) => section.figures.find((f: { key: string }) => f.key === key).value;
      expect([value("tika_stunted"), value("tika_at_risk"), value("tika_not_stunted")], kind).toEqual([
        tika.merah,
        tika.kuning,
        tika.hijau,
      ]);
      expect(value("tika_not_measured")).toBe(tika.notMeasured);
    }
  });

  it("writes CSV with the total row; refuses a bad period and a bad format", async () => {
    const out = join(dir, "tika.csv");
    expect(
      await runTika(["--region", SANDELEY, "--period", "2025-Q3", "--format", "csv", "--output", out]),
    ).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`${SANDELEY},Jumlah Sandeley,Triwulan III 2025,3,2,1,0,0,2,1`);
    expect(await runTika(["--region", SANDELEY, "--period", "2025-13"])).toBe(2);
    expect(await runTika(["--region", SANDELEY, "--period", "2025", "--format", "pdf"])).toBe(2);
  });
});
