import type { IndicatorCatalog } from "@tumbuh/core";

/**
 * A few rows of Perbup Paser 47/2024 as a stand-in until the full catalog file
 * (data/indicators/paser-47-2024.json, transcribed separately) is in this branch: the Pasal 6 prevalence
 * targets, annex A rows with computed figures and three entered ones. Texts and targets as printed.
 */
const AGENCY_DINKES = "Dinas Kesehatan";
const AGENCY_PUPR = "Dinas PUPR";

export const FIXTURE_CATALOG: IndicatorCatalog = {
  regulation: "Peraturan Bupati Paser Nomor 47 Tahun 2024",
  regency: "64.01",
  indicators: [
    ...[
      [2024, 21, "21% (dua puluh satu persen) pada tahun 2024"],
      [2025, 20, "20 % (dua puluh persen) pada tahun 2025"],
    ].map(([year, value, original]) => ({
      id: `pasal6.1.${year}`,
      source: { kind: "pasal6" as const, ayat: 1 },
      activity: null,
      text: "Prevalensi Stunting",
      target: {
        kind: "percent" as const,
        value: value as number,
        original: original as string,
        direction: "down" as const,
        per: null,
      },
      year: year as number,
      urusan: null,
      responsible: [AGENCY_DINKES],
      supporting: [],
      measure: { mode: "computed" as const, computation: "stunting_prevalence" },
    })),
    {
      id: "annex.A.a.7",
      source: { kind: "annex", section: "A", strategy: "a", number: 7 },
      activity: "Tersedianya layanan Intervensi Spesifik.",
      text: "Persentase anak berusia di bawah lima tahun (balita) yang dipantau pertumbuhan dan perkembangannya.",
      target: { kind: "percent", value: 80, original: "Target: 80%", direction: "up", per: null },
      year: null,
      urusan: "Bidang Kesehatan",
      responsible: [AGENCY_DINKES],
      supporting: ["Kecamatan", "Pemerintah Desa"],
      measure: { mode: "computed", computation: "measurement_coverage" },
    },
    {
      id: "annex.A.b.4",
      source: { kind: "annex", section: "A", strategy: "b", number: 4 },
      activity: "Tersedianya layanan Intervensi Sensitif.",
      text: "Persentase rumah tangga yang mendapatkan akses air minum layak di lokasi prioritas.",
      target: { kind: "percent", value: 87, original: "Target: 87%", direction: "up", per: null },
      year: null,
      urusan: "Bidang Pekerjaan Umum dan Penataan Ruang",
      responsible: [AGENCY_PUPR],
      supporting: ["Dinas Kesehatan", "Bappedalitbang"],
      measure: { mode: "computed", computation: "household_safe_water" },
    },
    {
      id: "annex.A.b.5",
      source: { kind: "annex", section: "A", strategy: "b", number: 5 },
      activity: "Tersedianya layanan Intervensi Sensitif.",
      text: "Persentase rumah tangga yang mendapatkan akses sanitasi (air limbah domestik) layak di lokasi prioritas.",
      target: { kind: "percent", value: 86, original: "Target: 86%", direction: "up", per: null },
      year: null,
      urusan: "Bidang Pekerjaan Umum dan Penataan Ruang",
      responsible: [AGENCY_PUPR],
      supporting: ["Dinas Kesehatan", "Bappedalitbang"],
      measure: { mode: "computed", computation: "household_proper_sanitation" },
    },
    {
      id: "annex.A.a.1",
      source: { kind: "annex", section: "A", strategy: "a", number: 1 },
      activity: "Tersedianya layanan Intervensi Spesifik.",
      text: "Ibu hamil Kurang Energi Kronik (KEK) yang mendapatkan tambahan asupan gizi.",
      target: { kind: "percent", value: 90, original: "Target: 90%", direction: "up", per: null },
      year: null,
      urusan: "Bidang Kesehatan",
      responsible: [AGENCY_DINKES],
      supporting: [],
      measure: { mode: "entered" },
    },
    {
      id: "annex.A.a.9",
      source: { kind: "annex", section: "A", strategy: "a", number: 9 },
      activity: "Tersedianya layanan Intervensi Spesifik.",
      text: "Persentase anak berusia di bawah lima tahun (balita) yang memperoleh imunisasi dasar lengkap.",
      target: { kind: "percent", value: 90, original: "Target: 90%", direction: "up", per: null },
      year: null,
      urusan: "Bidang Kesehatan",
      responsible: [AGENCY_DINKES],
      supporting: [],
      measure: { mode: "entered" },
    },
    {
      id: "annex.A.b.8",
      source: { kind: "annex", section: "A", strategy: "b", number: 8 },
      activity: "Tersedianya layanan Intervensi Sensitif.",
      text: "Jumlah keluarga miskin dan rentan yang memperoleh bantuan tunai bersyarat.",
      target: { kind: "count", value: 7132, original: "Target: 7.132 KK", direction: "up", per: null },
      year: null,
      urusan: "Bidang Sosial",
      responsible: ["Dinas Sosial"],
      supporting: [],
      measure: { mode: "entered" },
    },
  ],
};
