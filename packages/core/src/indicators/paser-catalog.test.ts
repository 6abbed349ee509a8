import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "./catalog-load";
import type { IndicatorCatalog, IndicatorDef } from "./catalog-schema";

// The shipped Paser catalog checked against Peraturan Bupati Paser Nomor 47 Tahun 2024 (Pasal 6, Pasal 7
// and the Lampiran). Counts and spot checks were established by reading the regulation's text row by row.
const FILE = new URL("../../../../data/indicators/paser-47-2024.json", import.meta.url);
const SEED = new URL(
  "../../../../data/indicators/perbup-paser-47-2024-percepatan-penurunan-stunting.txt",
  import.meta.url,
);

function load(): IndicatorCatalog {
  const result = parseCatalog(readFileSync(FILE, "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.catalog;
}
const catalog = load();
const byId = new Map(catalog.indicators.map((d) => [d.id, d]));
function get(id: string): IndicatorDef {
  const def = byId.get(id);
  if (!def) throw new Error(`no ${id}`);
  return def;
}

describe("Paser 47/2024 catalog file", () => {
  it("is valid, names the regulation and the regency, ids unique", () => {
    expect(catalog.regency).toBe("64.01");
    expect(catalog.regulation).toMatch(/^Peraturan Bupati Paser Nomor 47 Tahun 2024/);
    expect(new Set(catalog.indicators.map((d) => d.id)).size).toBe(catalog.indicators.length);
  });

  it("has the 20 Pasal 7 indicators a–t with their texts", () => {
    const rows = catalog.indicators.filter((d) => d.source.kind === "pasal7");
    expect(rows.map((d) => (d.source.kind === "pasal7" ? d.source.letter : ""))).toEqual(
      "abcdefghijklmnopqrst".split(""),
    );
    expect(get("pasal7.a").text).toBe(
      "ibu hamil Kekurangan Energi Kronis (KEK) yang mendapatkan Pemberian Makanan Tambahan (PMT) pemulihan",
    );
    expect(get("pasal7.f").text).toBe("partisipasi masyarakat di Posyandu");
    expect(get("pasal7.l").text).toBe("rumah tangga yang menggunakan sumber air bersih");
    expect(get("pasal7.m").text).toBe("rumah tangga yang menggunakan sanitasi layak");
    expect(get("pasal7.s").text).toBe("Kelurahan menerapkan Pekarangan Pangan Lestari (P2L)");
    expect(get("pasal7.t").text).toBe("layanan ibu nifas");
    for (const d of rows) expect(d.activity).toBeNull();
  });

  it("gives a Pasal 7 indicator a target only from the annex row it names, with that row's printed target", () => {
    for (const d of catalog.indicators.filter((x) => x.source.kind === "pasal7")) {
      if (d.targetFrom === undefined) {
        expect(d.target).toEqual({ kind: "none", value: null, original: "", direction: "up", per: null });
      } else {
        expect(d.target).toEqual(get(d.targetFrom).target);
      }
    }
    expect(get("pasal7.b").targetFrom).toBe("annex.A.a.2");
    expect(get("pasal7.b").target.value).toBe(80);
    expect(get("pasal7.c").target.kind).toBe("none");
  });

  it("has the Pasal 6 ayat (1) prevalence targets: 21% in 2024, 20% in 2025, lower is better", () => {
    const rows = catalog.indicators.filter((d) => d.source.kind === "pasal6");
    expect(rows.map((d) => [d.id, d.year, d.target.kind, d.target.value, d.target.direction])).toEqual([
      ["pasal6.1.2024", 2024, "percent", 21, "down"],
      ["pasal6.1.2025", 2025, "percent", 20, "down"],
    ]);
    expect(get("pasal6.1.2024").target.original).toBe("21% (dua puluh satu persen) pada tahun 2024");
    for (const d of rows) expect(d.measure).toEqual({ mode: "computed", computation: "stunting_prevalence" });
  });

  it("has every annex row: section A 9 + 11, pillars 1–5 by strategy", () => {
    const counts: Record<string, number> = {};
    for (const d of catalog.indicators) {
      if (d.source.kind !== "annex") continue;
      const key = `${d.source.section}.${d.source.strategy}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual({
      "A.a": 9,
      "A.b": 11,
      "P1.a": 7,
      "P1.b": 3,
      "P2.a": 4,
      "P2.b": 7,
      "P2.c": 2,
      "P3.a": 15,
      "P3.b": 5,
      "P4.a": 6,
      "P5.a": 10,
      "P5.b": 5,
      "P5.c": 1,
      "P5.d": 1,
    });
    expect(catalog.indicators.filter((d) => d.source.kind === "annex")).toHaveLength(86);
    // P3 b prints 1, 2, 5, 6, 7: 3 and 4 are absent in the regulation, not lost here.
    expect(
      catalog.indicators
        .filter((d) => d.id.startsWith("annex.P3.b."))
        .map((d) => (d.source.kind === "annex" ? d.source.number : 0)),
    ).toEqual([1, 2, 5, 6, 7]);
  });

  it("spot checks across every section: printed target, kind, responsible and supporting", () => {
    const check = (
      id: string,
      original: string,
      kind: string,
      value: number | null,
      responsible: string[],
      supporting: string[],
    ) => {
      const d = get(id);
      expect([d.id, d.target.original, d.target.kind, d.target.value]).toEqual([id, original, kind, value]);
      expect([d.id, d.responsible, d.supporting]).toEqual([id, responsible, supporting]);
    };
    check(
      "annex.A.a.1",
      "Target: 90%",
      "percent",
      90,
      ["Dinas Kesehatan"],
      [
        "Bappedalitbang",
        "Dinas PMD",
        "Dinas Kesehatan",
        "Dinas PPKBPPPA",
        "Kecamatan",
        "Pemerintah Desa",
        "Pemangku Kepentingan",
      ],
    );
    check(
      "annex.A.b.6",
      "Target: 166.835 jiwa",
      "people",
      166835,
      ["Dinas Sosial"],
      ["Dinas Sosial", "Kecamatan", "Pemerintah Desa", "Pemangku Kepentingan"],
    );
    check(
      "annex.A.b.8",
      "Target: 7.132 KK",
      "count",
      7132,
      ["Dinas Sosial"],
      [
        "Bappedalitbang",
        "Dinas Sosial",
        "Dinas PPKBPPPA",
        "Dinas Kesehatan",
        "Kecamatan",
        "Pemerintah Desa",
        "Pemangku Kepentingan",
      ],
    );
    check(
      "annex.P1.a.1",
      "Target: minimal 1 (satu) kali setiap tahun",
      "frequency",
      1,
      ["Sekretariat TPPS"],
      ["Dinas PPKBPPPA", "Perangkat Daerah", "Pemangku Kepentingan"],
    );
    check(
      "annex.P1.a.4",
      "Target: 1 Peraturan Bupati",
      "document",
      1,
      ["Dinas PMD"],
      ["Dinas PMD", "Perangkat Daerah yang membidangi", "Pemangku Kepentingan"],
    );
    check(
      "annex.P1.b.1",
      "Target: 100% seluruh desa",
      "percent",
      100,
      ["Dinas PMD"],
      ["Dinas PMD", "Pemangku Kepentingan"],
    );
    check(
      "annex.P2.a.1",
      "Target: 3 kanal/metode/bulan",
      "frequency",
      3,
      ["Dinas Kominfostaper"],
      [
        "Dinas Kesehatan",
        "Dinas Kominfostaper",
        "Dinas PPKBPPPA",
        "Camat",
        "TP PKK",
        "Tim Pendamping Keluarga",
        "Pemangku Kepentingan",
      ],
    );
    check(
      "annex.P2.b.1",
      "Target: seluruh kecamatan",
      "percent",
      100,
      ["Dinas Pendidikan dan Kebudayaan"],
      ["Dinas Pendidikan dan Kebudayaan", "Kecamatan", "Pemangku Kepentingan"],
    );
    check(
      "annex.P3.a.6",
      "Target: 58%",
      "percent",
      58,
      ["Dinas Kesehatan"],
      ["Dinas Kesehatan", "Dinas PUTR", "Pemangku Kepentingan"],
    );
    check(
      "annex.P3.b.7",
      "Target: 7,4%",
      "percent",
      7.4,
      ["Dinas PPKBPPPA"],
      ["Dinas PPKBPPPA", "Koordinator PLKB", "Pemangku Kepentingan"],
    );
    check(
      "annex.P4.a.2",
      "Target : 90%",
      "percent",
      90,
      ["Dinas Perikanan"],
      ["Dinas Kesehatan", "Dinas Perikanan", "Kecamatan", "Pemangku Kepentingan"],
    );
    check(
      "annex.P4.a.4",
      "Target: 90%",
      "percent",
      90,
      ["Dinas Sosial"],
      ["Dinas Sosial", "Dinas Kesehatan", "Dinas PPKBPPPA", "Pemangku Kepentingan"],
    );
    check(
      "annex.P5.a.3",
      "Target: 1 (Satu) publikasi setiap tahun",
      "frequency",
      1,
      ["Dinas Kesehatan"],
      ["Bappedalitbang", "Dinas Kesehatan", "Dinas Kominfostaper", "Kecamatan", "Pemangku Kepentingan"],
    );
    check(
      "annex.P5.a.10",
      "Target: 1 Tahun Setiap 6 bulan",
      "frequency",
      2,
      ["Dinas PPKBPPPA"],
      ["Dinas PPKBPPPA", "Koordinator PLKB", "Tim Pendamping Keluarga", "Pemangku Kepentingan"],
    );
    check(
      "annex.P5.b.1",
      "Target: 1 Sistem",
      "system",
      1,
      ["BKAD"],
      ["BKAD", "Bappedalitbang", "Pemerintah Desa"],
    );
    check(
      "annex.P5.d.1",
      "Target: 1 Dokumen",
      "document",
      1,
      ["Bappedalitbang"],
      ["Dinas Pendidikan dan Kebudayaan", "Pemangku Kepentingan"],
    );
    expect(get("annex.P2.a.1").target.per).toBe("month");
    expect(get("annex.P5.a.4").target).toMatchObject({ kind: "frequency", value: 2, per: "year" });
  });

  it("marks lower-is-better rows down: prevalence, unwanted pregnancies, unmet need", () => {
    const down = catalog.indicators.filter((d) => d.target.direction === "down").map((d) => d.id);
    expect(down).toEqual(["pasal6.1.2024", "pasal6.1.2025", "annex.A.b.2", "annex.P3.b.7"]);
  });

  it("computes prevalence, posyandu participation, water, sanitation and the service rows; the rest is entered", () => {
    const computed = catalog.indicators
      .filter((d) => d.measure.mode === "computed")
      .map((d) => [d.id, d.measure.mode === "computed" ? d.measure.computation : ""]);
    expect(computed).toEqual([
      ["pasal6.1.2024", "stunting_prevalence"],
      ["pasal6.1.2025", "stunting_prevalence"],
      ["pasal7.c", "pregnant_counselled"],
      ["pasal7.f", "measurement_coverage"],
      ["pasal7.g", "anc_to_standard"],
      ["pasal7.i", "complete_basic_immunisation"],
      ["pasal7.l", "household_safe_water"],
      ["pasal7.m", "household_proper_sanitation"],
      ["pasal7.p", "parenting_class"],
      ["pasal7.q", "paud_enrolment"],
      ["pasal7.t", "postpartum_services"],
      ["annex.A.b.3", "catin_examined"],
      ["annex.A.b.7", "family_accompaniment"],
      ["annex.P3.b.1", "family_accompaniment"],
      ["annex.P3.b.2", "catin_screened_in_time"],
      ["annex.P5.a.8", "case_audit_share"],
    ]);
  });

  it("prints no year in the annex (column 'target dan tahun pencapaian' holds targets only)", () => {
    for (const d of catalog.indicators.filter((x) => x.source.kind !== "pasal6")) expect(d.year).toBeNull();
  });

  it("every annex target reads as printed: 'Target…' and found verbatim in the regulation's text", () => {
    const seed = readFileSync(SEED, "utf8");
    for (const d of catalog.indicators) {
      if (d.source.kind === "annex") expect(d.target.original, d.id).toMatch(/^Target ?: /);
      if (d.target.original !== "")
        expect(seed.includes(d.target.original), `${d.id}: ${d.target.original}`).toBe(true);
    }
  });

  it("every annex row has an activity, urusan and a responsible agency", () => {
    for (const d of catalog.indicators.filter((x) => x.source.kind === "annex")) {
      expect(d.activity, d.id).toBeTruthy();
      expect(d.urusan, d.id).toBeTruthy();
      expect(d.responsible.length, d.id).toBeGreaterThan(0);
    }
  });
});
