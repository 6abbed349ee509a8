import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkNik,
  completedMonths,
  isIsoDate,
  LATRINE_TYPES,
  nameKey,
  parseCsv,
  WATER_SOURCES,
} from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../../data-files";
import { generatePopulation, type PopulationBatch, type PopulationInput } from "./generate";
import type { PopulationDesa } from "./places";

const PASER: PopulationDesa[] = parseCsv(readFileSync(join(DATA_DIR, "regions", "paser-6401.csv"), "utf8"))
  .slice(1)
  .map((r) => r.fields)
  .filter((f) => f[2] === "desa")
  .map((f) => ({
    code: f[0] as string,
    name: f[1] as string,
    kind: f[3] as string,
    kecamatanCode: f[4] as string,
  }));
const KECAMATAN = new Set(PASER.map((d) => d.kecamatanCode));
const SANDELEY = "64.01.05.2003";
const SANDELEY_UNITS = [
  { code: `${SANDELEY}.D01`, name: "Dusun I Sandeley", kind: "dusun" as const, parentCode: SANDELEY },
  { code: `${SANDELEY}.D02`, name: "Dusun II Sandeley", kind: "dusun" as const, parentCode: SANDELEY },
  { code: `${SANDELEY}.P01`, name: "Posyandu Melati", kind: "posyandu" as const, parentCode: SANDELEY },
  { code: `${SANDELEY}.P02`, name: "Posyandu Mawar", kind: "posyandu" as const, parentCode: SANDELEY },
];
const TODAY = "2026-11-22";

function input(over: Partial<PopulationInput> = {}): PopulationInput {
  return {
    seed: 7,
    today: TODAY,
    children: 200,
    desa: PASER.filter((d) => d.code === SANDELEY || d.code === "64.01.04.1001"),
    existingUnits: SANDELEY_UNITS,
    ...over,
  };
}

function all(i: PopulationInput) {
  const batches = [...generatePopulation(i)];
  const pick = <K extends keyof PopulationBatch>(k: K) => batches.flatMap((b) => b[k] as unknown[]);
  return {
    batches,
    regions: batches.flatMap((b) => b.regions),
    sessions: batches.flatMap((b) => b.sessions),
    households: batches.flatMap((b) => b.households),
    persons: batches.flatMap((b) => b.persons),
    pregnancies: batches.flatMap((b) => b.pregnancies),
    measurements: batches.flatMap((b) => b.measurements),
    implausible: pick("implausible") as string[],
    duplicates: pick("duplicates") as [string, string][],
  };
}

describe("synthetic population (pure)", () => {
  const small = all(input());

  it("is deterministic: same seed → identical rows and ids; another seed → different rows", () => {
    expect(all(input())).toEqual(small);
    const other = all(input({ seed: 8 }));
    expect(other.persons[0]?.id).not.toBe(small.persons[0]?.id);
    expect(other.persons.map((p) => p.name)).not.toEqual(small.persons.map((p) => p.name));
  });

  it("makes UUIDv7-shaped, unique ids in creation order", () => {
    const ids = [...small.sessions, ...small.households, ...small.persons, ...small.measurements].map(
      (r) => r.id,
    );
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const persons = small.persons.map((p) => p.id);
    expect([...persons].sort()).toEqual(persons);
  });

  it("has exactly the children under five asked for, plus those who turned five during the 24 months", () => {
    const children = small.persons.filter((p) => p.mother_id !== null || p.parent_name !== null);
    const originals = children.filter((c) => !small.duplicates.some(([, d]) => d === c.id));
    const underFive = originals.filter((c) => completedMonths(c.birth_date, TODAY) < 60);
    expect(underFive).toHaveLength(200);
    expect(originals.length - underFive.length).toBeGreaterThan(40);
  });

  it("reuses Sandeley's dusun and posyandu and numbers new ones after them", () => {
    expect(
      small.regions.some(
        (r) => ["D01", "D02", "P01", "P02"].includes(r.code.slice(-3)) && r.parent_code === SANDELEY,
      ),
    ).toBe(false);
    const kelurahan = small.regions.filter((r) => r.parent_code === "64.01.04.1001");
    const posyandu = kelurahan.filter((r) => r.kind === "posyandu");
    const dusun = kelurahan.filter((r) => r.kind === "dusun");
    expect(posyandu.length).toBeGreaterThanOrEqual(1);
    expect(posyandu.length).toBeLessThanOrEqual(3);
    expect(dusun.length).toBeGreaterThanOrEqual(2);
    expect(dusun.length).toBeLessThanOrEqual(4);
    expect(posyandu.map((r) => r.code)).toEqual(posyandu.map((_, i) => `64.01.04.1001.P0${i + 1}`));
    for (const r of posyandu) expect(r.name).toMatch(/^Posyandu /);
    expect(new Set(posyandu.map((r) => r.name)).size).toBe(posyandu.length);
  });

  it("registers every person at a posyandu of its desa and every household in a dusun of it", () => {
    const posyandu = new Set([
      ...small.regions.filter((r) => r.kind === "posyandu").map((r) => r.code),
      `${SANDELEY}.P01`,
      `${SANDELEY}.P02`,
    ]);
    const dusun = new Set([
      ...small.regions.filter((r) => r.kind === "dusun").map((r) => r.code),
      `${SANDELEY}.D01`,
      `${SANDELEY}.D02`,
    ]);
    const households = new Map(small.households.map((h) => [h.id, h]));
    for (const p of small.persons) {
      expect(posyandu.has(p.region_code)).toBe(true);
      if (p.household_id) {
        const h = households.get(p.household_id);
        expect(dusun.has(h?.region_code ?? "")).toBe(true);
        expect(h?.region_code.slice(0, 13)).toBe(p.region_code.slice(0, 13));
      }
    }
    for (const m of small.measurements) expect(posyandu.has(m.region_code)).toBe(true);
  });

  it("gives valid NIKs (kecamatan + birth date, day + 40 for women + serial) and KK numbers", () => {
    const withNik = small.persons.filter((p) => p.nik !== null);
    expect(withNik.length).toBeGreaterThan(100);
    expect(new Set(withNik.map((p) => p.nik)).size).toBe(withNik.length);
    for (const p of withNik) {
      const check = checkNik(p.nik as string, { birthDate: p.birth_date, sex: p.sex as 1 | 2 }, (c) =>
        KECAMATAN.has(c),
      );
      expect(check.error, p.nik as string).toBeNull();
      expect(check.warnings).toEqual([]);
    }
    for (const h of small.households) {
      if (h.kk_number === null) continue;
      expect(h.kk_number).toMatch(/^\d{16}$/);
      const kec = `${h.kk_number.slice(0, 2)}.${h.kk_number.slice(2, 4)}.${h.kk_number.slice(4, 6)}`;
      expect(h.region_code.startsWith(`${kec}.`)).toBe(true);
    }
  });

  it("measures only on posyandu days, after birth, under five, and before this month", () => {
    const persons = new Map(small.persons.map((p) => [p.id, p]));
    const sessions = new Map(small.sessions.map((s) => [s.id, s]));
    const days = new Map<string, Set<string>>();
    for (const m of small.measurements) {
      const p = persons.get(m.person_id);
      expect(p).toBeDefined();
      expect(isIsoDate(m.measured_on)).toBe(true);
      expect(m.measured_on > (p?.birth_date ?? "")).toBe(true);
      expect(m.measured_on < "2026-11-01").toBe(true);
      expect(m.measured_on >= "2024-11-01").toBe(true);
      expect(completedMonths(p?.birth_date ?? "", m.measured_on)).toBeLessThan(60);
      expect(m.created_at.slice(0, 10)).toBe(m.measured_on);
      const session = sessions.get(m.session_id ?? "");
      expect(session?.held_on).toBe(m.measured_on);
      expect(session?.region_code).toBe(m.region_code);
      const key = `${m.region_code} ${m.measured_on.slice(0, 7)}`;
      days.set(key, (days.get(key) ?? new Set()).add(m.measured_on));
    }
    for (const d of days.values()) expect(d.size).toBe(1);
    const perChild = new Set(small.measurements.map((m) => `${m.person_id} ${m.measured_on}`));
    expect(perChild.size).toBe(small.measurements.length);
  });

  it("lies children down below 24 months and stands them up after, about 3% the other way", () => {
    const measured = small.measurements.filter((m) => m.measure !== null && m.age_days !== null);
    const wrong = measured.filter((m) => (m.measure === "l") !== (m.age_days as number) < 731);
    expect(wrong.length / measured.length).toBeGreaterThan(0.01);
    expect(wrong.length / measured.length).toBeLessThan(0.06);
  });

  it("stores derived columns computed by the app's growth engine", () => {
    const m = small.measurements.find((x) => x.weight_kg !== null && x.lenhei_cm !== null && x.flagged === 0);
    expect(m).toMatchObject({ growth_version: 1 });
    expect(m?.zlen).not.toBeNull();
    expect(m?.tbu).toMatch(/^tbu\./);
    expect(m?.bbtb).toMatch(/^bbtb\./);
  });

  it("slips implausible values in (about 0.5%), and the WHO flags catch every one", () => {
    const flagged = new Map(small.measurements.map((m) => [m.id, m.flagged]));
    expect(small.implausible.length).toBeGreaterThan(0);
    for (const id of small.implausible) expect(flagged.get(id)).toBe(1);
  });

  it("registers some children twice under a spelling variant, same birth date and mother, without NIK", () => {
    const persons = new Map(small.persons.map((p) => [p.id, p]));
    expect(small.duplicates.length).toBeGreaterThan(0);
    for (const [a, b] of small.duplicates) {
      const first = persons.get(a);
      const second = persons.get(b);
      expect(second?.name).not.toBe(first?.name);
      expect(second?.name_key).toBe(first?.name_key);
      expect(nameKey(second?.name ?? "")).toBe(nameKey(first?.name ?? ""));
      expect(second?.birth_date).toBe(first?.birth_date);
      expect(second?.parent_name).toBe(first?.parent_name);
      expect(second?.nik).toBeNull();
      expect(second?.region_code.slice(0, 13)).toBe(first?.region_code.slice(0, 13));
    }
  });

  it("links children to mothers aged 17–42 with their name as parent name", () => {
    const persons = new Map(small.persons.map((p) => [p.id, p]));
    for (const c of small.persons.filter((p) => p.mother_id)) {
      const mother = persons.get(c.mother_id as string);
      expect(mother?.sex).toBe(2);
      expect(c.parent_name).toBe(mother?.name);
      const age = completedMonths(mother?.birth_date ?? "", TODAY) / 12;
      expect(age).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThan(43);
    }
  });

  describe("a few thousand children over the regency", () => {
    const big = all(input({ children: 3000, desa: PASER, seed: 11 }));
    const children = new Set(big.persons.filter((p) => p.mother_id || p.parent_name).map((p) => p.id));

    it("has about 20% stunted children under five at their latest measurement", () => {
      const underFive = new Set(
        big.persons
          .filter((p) => children.has(p.id) && completedMonths(p.birth_date, TODAY) < 60)
          .map((p) => p.id),
      );
      const latest = new Map<string, (typeof big.measurements)[number]>();
      for (const m of big.measurements) {
        if (!underFive.has(m.person_id)) continue;
        const l = latest.get(m.person_id);
        if (!l || l.measured_on < m.measured_on) latest.set(m.person_id, m);
      }
      const rows = [...latest.values()].filter((m) => m.tbu !== null);
      const stunted = rows.filter((m) => m.tbu === "tbu.pendek" || m.tbu === "tbu.sangat_pendek").length;
      expect(stunted / rows.length).toBeGreaterThan(0.15);
      expect(stunted / rows.length).toBeLessThan(0.25);
      expect(children.size).toBeGreaterThan(3000);
    });

    it("has every desa with 1–3 posyandu and measured children, about 85% attendance", () => {
      expect(big.batches).toHaveLength(144);
      for (const b of big.batches) expect(b.measurements.length).toBeGreaterThan(0);
      const rate = big.implausible.length / big.measurements.length;
      expect(rate).toBeGreaterThan(0.003);
      expect(rate).toBeLessThan(0.008);
    });

    it("has about 20% unsafe water and 25% improper latrines", () => {
      const unsafe = big.households.filter(
        (h) => !WATER_SOURCES[h.water_source as keyof typeof WATER_SOURCES].layak,
      );
      const improper = big.households.filter(
        (h) => !LATRINE_TYPES[h.latrine_type as keyof typeof LATRINE_TYPES].layak,
      );
      expect(unsafe.length / big.households.length).toBeGreaterThan(0.14);
      expect(unsafe.length / big.households.length).toBeLessThan(0.27);
      expect(improper.length / big.households.length).toBeGreaterThan(0.18);
      expect(improper.length / big.households.length).toBeLessThan(0.33);
    });

    it("has ongoing pregnancies (LMP within 9 months) and ended ones, with KEK, anaemia and high risk", () => {
      const ongoing = big.pregnancies.filter((p) => p.ended_on === null);
      const ended = big.pregnancies.filter((p) => p.ended_on !== null);
      expect(ongoing.length).toBeGreaterThan(60);
      expect(ongoing.length).toBeLessThan(110);
      expect(ended.length).toBeGreaterThan(15);
      for (const p of ongoing) {
        expect(p.lmp_date >= "2026-02-22").toBe(true);
        expect(p.lmp_date < TODAY).toBe(true);
      }
      for (const p of ended) {
        expect((p.ended_on as string) >= p.lmp_date).toBe(true);
        expect((p.ended_on as string) < TODAY).toBe(true);
      }
      const muac = big.pregnancies.filter((p) => p.muac_cm !== null);
      const kek = muac.filter((p) => (p.muac_cm as number) < 23.5).length / muac.length;
      expect(kek).toBeGreaterThan(0.08);
      expect(kek).toBeLessThan(0.24);
      const hb = big.pregnancies.filter((p) => p.hb_g_dl !== null);
      const anaemia = hb.filter((p) => (p.hb_g_dl as number) < 11).length / hb.length;
      expect(anaemia).toBeGreaterThan(0.2);
      expect(anaemia).toBeLessThan(0.4);
      const risky = big.pregnancies.filter((p) => p.high_risk === 1);
      expect(risky.length / big.pregnancies.length).toBeGreaterThan(0.04);
      expect(risky.length / big.pregnancies.length).toBeLessThan(0.18);
      for (const p of risky) expect(p.high_risk_note).toBeTruthy();
      const women = new Map(big.persons.map((p) => [p.id, p]));
      for (const p of big.pregnancies) expect(women.get(p.person_id)?.sex).toBe(2);
    });
  });
});
