import { describe, expect, it } from "vitest";
import { isLate, stageDeadline } from "./calendar";

describe("stage deadlines on the village planning calendar", () => {
  it("desa: everything up to the rembuk by the day before the June musyawarah desa; advocacy by RKP Desa (30 Sept); budget by 31 Dec", () => {
    expect(stageDeadline("desa", 2026, "pemetaan_sosial")).toBe("2026-06-29");
    expect(stageDeadline("desa", 2026, "rembuk")).toBe("2026-06-29");
    expect(stageDeadline("desa", 2026, "advokasi")).toBe("2026-09-30");
    expect(stageDeadline("desa", 2026, "rkp_desa")).toBe("2026-09-30");
    expect(stageDeadline("desa", 2026, "apb_desa")).toBe("2026-12-31");
  });

  it("a musyawarah desa scheduled earlier pulls the rembuk forward; a later one cannot push it past June", () => {
    expect(stageDeadline("desa", 2026, "rembuk", "2026-05-12")).toBe("2026-05-11");
    expect(stageDeadline("desa", 2026, "rembuk", "2026-07-20")).toBe("2026-06-29");
    expect(stageDeadline("desa", 2026, "rembuk", "2026-03-01")).toBe("2026-02-28");
  });

  it("kelurahan: rembuk before the January Musrenbang Kelurahan, APBD by 30 November", () => {
    expect(stageDeadline("kelurahan", 2026, "rembuk")).toBe("2026-01-30");
    expect(stageDeadline("kelurahan", 2026, "usulan_kelurahan")).toBe("2026-02-28");
    expect(stageDeadline("kelurahan", 2028, "usulan_kelurahan")).toBe("2028-02-29");
    expect(stageDeadline("kelurahan", 2026, "apbd")).toBe("2026-11-30");
  });

  it("late is strictly after the deadline, and never for finished or skipped stages", () => {
    expect(isLate("berjalan", "2026-06-29", "2026-06-29")).toBe(false);
    expect(isLate("berjalan", "2026-06-29", "2026-06-30")).toBe(true);
    expect(isLate("belum", "2026-06-29", "2026-06-30")).toBe(true);
    expect(isLate("selesai", "2026-06-29", "2026-12-30")).toBe(false);
    expect(isLate("dilewati", "2026-06-29", "2026-12-30")).toBe(false);
  });
});
