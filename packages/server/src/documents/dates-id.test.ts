import { describe, expect, it } from "vitest";
import { bulanTahun, hariTanggal, tanggal } from "./dates-id";

describe("Indonesian document dates", () => {
  it("print day, month name and year, with the weekday when asked", () => {
    expect(tanggal("2026-11-02")).toBe("2 November 2026");
    expect(hariTanggal("2026-11-22")).toBe("Minggu, 22 November 2026");
    expect(hariTanggal("2024-02-29")).toBe("Kamis, 29 Februari 2024");
    expect(bulanTahun("2025-01")).toBe("Januari 2025");
  });
});
