import type { MeasurementView } from "@tumbuh/core";
import { PERMENKES_INDICES } from "@tumbuh/growth/permenkes";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBothLanguages } from "../../i18n/testing";
import {
  alertBadges,
  categoryBadges,
  categoryLabel,
  categoryTone,
  rowBadges,
  weighingBadge,
} from "./categories";
import { registryMessages } from "./i18n";

function measurement(over: Partial<MeasurementView> = {}): MeasurementView {
  return {
    id: "m1",
    measuredOn: "2025-06-03",
    ageDays: 800,
    ageMonths: 26,
    weightKg: 10.2,
    lenheiCm: 82.1,
    measure: "h",
    muacCm: null,
    headcCm: null,
    oedema: false,
    measuredBy: null,
    z: { lenhei: -2.3, weight: -1.9, wfl: -0.8, bmi: -0.6 },
    categories: { tbu: "tbu.pendek", bbu: "bbu.normal", bbtb: "bbtb.gizi_baik", imtu: "imtu.gizi_baik" },
    flags: [],
    weighing: "N",
    ...over,
  };
}

beforeAll(() => loadBothLanguages(registryMessages));

describe("category tone", () => {
  it("gives every Permenkes band a tone, never neutral", () => {
    for (const ix of PERMENKES_INDICES) {
      for (const band of ix.bands) expect(categoryTone(band.code), band.code).not.toBe("neutral");
    }
  });

  it("marks severe bands danger, moderate warn, normal ok", () => {
    expect(categoryTone("tbu.sangat_pendek")).toBe("danger");
    expect(categoryTone("tbu.pendek")).toBe("warn");
    expect(categoryTone("tbu.normal")).toBe("ok");
    expect(categoryTone("bbtb.gizi_buruk")).toBe("danger");
    expect(categoryTone("bbtb.gizi_kurang")).toBe("warn");
    expect(categoryTone("bbtb.gizi_baik")).toBe("ok");
    expect(categoryTone("bbtb.obesitas")).toBe("danger");
    expect(categoryTone("bbu.risiko_lebih")).toBe("info");
    expect(categoryTone(null)).toBe("neutral");
    expect(categoryTone("xyz.unknown")).toBe("neutral");
  });

  it("uses the regulation's labels", () => {
    expect(categoryLabel("tbu.pendek", "id")).toBe("Pendek");
    expect(categoryLabel("tbu.pendek", "en")).toBe("Stunted");
    expect(categoryLabel("bbtb.gizi_buruk", "id")).toBe("Gizi buruk");
    expect(categoryLabel("nope", "id")).toBe("nope");
  });
});

describe("badges", () => {
  it("lists every computed category, or only the abnormal ones", () => {
    const m = measurement();
    expect(categoryBadges(m.categories, "id").map((b) => b.label)).toEqual([
      "TB/U: Pendek",
      "BB/U: Berat badan normal",
      "BB/TB: Gizi baik",
      "IMT/U: Gizi baik",
    ]);
    expect(categoryBadges(m.categories, "id", true)).toEqual([{ label: "TB/U: Pendek", tone: "warn" }]);
    expect(categoryBadges({ tbu: null, bbu: null, bbtb: null, imtu: null }, "id")).toEqual([]);
  });

  it("labels KMS weighing status", () => {
    expect(weighingBadge("T", "id")).toEqual({ label: "T – Tidak naik", tone: "warn" });
    expect(weighingBadge("N", "id")?.tone).toBe("ok");
    expect(weighingBadge(null, "id")).toBeNull();
  });

  it("orders alerts by urgency", () => {
    expect(alertBadges(["implausible", "stunting", "2T"], "id").map((b) => b.label)).toEqual([
      "Rujuk ke puskesmas (2T)",
      "Pendek (stunting)",
      "Periksa ulang pengukuran",
    ]);
  });

  it("gives list rows badges only for what needs attention", () => {
    expect(rowBadges({ latest: null }, "id")).toEqual([]);
    expect(
      rowBadges(
        {
          latest: measurement({
            categories: { tbu: "tbu.normal", bbu: "bbu.normal", bbtb: "bbtb.gizi_baik", imtu: null },
          }),
        },
        "id",
      ),
    ).toEqual([]);
    const labels = rowBadges({ latest: measurement({ weighing: "T", flags: ["zlen"] }) }, "id").map(
      (b) => b.label,
    );
    expect(labels).toEqual(["TB/U: Pendek", "T – Tidak naik", "Data tidak wajar (periksa ulang)"]);
    const twoT = rowBadges({ latest: measurement({ weighing: "T" }) }, "id", { twoT: true });
    expect(twoT.map((b) => b.label)).toEqual(["Rujuk ke puskesmas (2T)", "TB/U: Pendek"]);
  });
});
