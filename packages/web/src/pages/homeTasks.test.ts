import { describe, expect, it } from "vitest";
import { ROLES } from "../api/types";
import { id } from "../i18n/id";
import "../router/table";
import { homeTasks } from "./homeTasks";

describe("the home page's main tasks", () => {
  const first = (role: (typeof ROLES)[number], scope: string) =>
    homeTasks([{ role, scope }]).map((t) => t.to);

  it("puts each role's everyday work first", () => {
    expect(first("kpm", "64.01.05.2003").slice(0, 2)).toEqual([
      "/wilayah/64.01.05.2003/scorecard",
      "/wilayah/64.01.05.2003/perencanaan",
    ]);
    expect(first("pemerintah_desa", "64.01.05.2003").slice(0, 2)).toEqual([
      "/wilayah/64.01.05.2003/perencanaan",
      "/wilayah/64.01.05.2003/laporan",
    ]);
    expect(first("tpps_kecamatan", "64.01.05").slice(0, 2)).toEqual([
      "/wilayah/64.01.05/indikator",
      "/wilayah/64.01.05/rekap-perencanaan",
    ]);
    expect(first("kader_posyandu", "64.01.05.2003.P01")[0]).toBe("/wilayah/64.01.05.2003.P01/sasaran");
    expect(first("bidan", "64.01.05.2003")[0]).toBe("/wilayah/64.01.05.2003/ibu-hamil");
    expect(first("admin_kabupaten", "64.01")[0]).toBe("/pengguna");
  });

  it("lists a page once when two roles share it, and every task has words", () => {
    const tasks = homeTasks([
      { role: "kpm", scope: "64.01.05.2003" },
      { role: "pemerintah_desa", scope: "64.01.05.2003" },
    ]);
    const paths = tasks.map((t) => t.to);
    expect(new Set(paths).size).toBe(paths.length);
    for (const role of ROLES) {
      for (const t of homeTasks([{ role, scope: "64.01" }])) {
        expect(id[t.title as keyof typeof id], t.title).toBeTruthy();
        expect(id[t.hint as keyof typeof id], t.hint).toBeTruthy();
      }
    }
  });
});
