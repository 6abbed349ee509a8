import type { RegionsTable } from "../../db/schema";
import { CADRE_NAMES, POSYANDU_NAMES } from "./names";
import { clamp, type Rng } from "./random";

/** A desa or kelurahan of the regency, as read from the regions table. */
export interface PopulationDesa {
  code: string;
  name: string;
  /** "desa" or "kelurahan" (Kemendagri kind). */
  kind: string;
  kecamatanCode: string;
}

/** A dusun or posyandu that already exists (Sandeley's D01, D02, P01, P02 in the demo): reused. */
export interface ExistingUnit {
  code: string;
  name: string;
  kind: "dusun" | "posyandu";
  parentCode: string;
}

export interface DusunPlan {
  code: string;
  name: string;
  /** RW number used in addresses, and how many RT the dusun has. */
  rw: number;
  rtCount: number;
}

export interface PosyanduPlan {
  code: string;
  name: string;
  /** Day of month the posyandu meets. */
  day: number;
  cadres: string[];
  /** Share of the desa's children registered here. */
  weight: number;
}

export interface DesaPlan extends PopulationDesa {
  kelurahan: boolean;
  /** Relative number of under-fives. */
  size: number;
  /** Deprivation, ~N(0, 1): worse water and sanitation and more stunting when positive. */
  risk: number;
  dusun: DusunPlan[];
  posyandu: PosyanduPlan[];
  /** Dusun and posyandu to create (those that exist already are left out). */
  newRegions: RegionsTable[];
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];

function numberOf(code: string): number {
  return Number(code.slice(code.lastIndexOf(".") + 2));
}

/** Local units per desa: 2–4 dusun and 1–3 posyandu (more in bigger places), reusing existing ones. */
export function planPlaces(
  rng: Rng,
  desaList: readonly PopulationDesa[],
  existing: readonly ExistingUnit[],
  createdAt: string,
): DesaPlan[] {
  return desaList.map((d) => {
    const kelurahan = d.kind === "kelurahan";
    const size = Math.exp(rng.normal(0, 0.45)) * (kelurahan ? 2.2 : 1);
    const risk = rng.normal(kelurahan ? -0.8 : 0.1, 0.9);
    const own = existing.filter((u) => u.parentCode === d.code).sort((a, b) => (a.code < b.code ? -1 : 1));
    const ownDusun = own.filter((u) => u.kind === "dusun");
    const ownPosyandu = own.filter((u) => u.kind === "posyandu");
    const wantDusun = clamp(
      2 + (size > 0.9 ? 1 : 0) + (size > 1.6 ? 1 : 0) + (rng.chance(0.15) ? 1 : 0),
      2,
      4,
    );
    const wantPosyandu = clamp(1 + (size > 0.8 ? 1 : 0) + (size > 1.5 ? 1 : 0), 1, 3);
    const newRegions: RegionsTable[] = [];
    const local = (code: string, name: string, kind: "dusun" | "posyandu") =>
      newRegions.push({
        code,
        name,
        level: kind,
        kind,
        parent_code: d.code,
        source: "local",
        created_at: createdAt,
      });

    const dusun: DusunPlan[] = ownDusun.map((u, i) => ({
      code: u.code,
      name: u.name,
      rw: i + 1,
      rtCount: rng.int(3, 8),
    }));
    let nextD = Math.max(0, ...ownDusun.map((u) => numberOf(u.code))) + 1;
    while (dusun.length < wantDusun) {
      const code = `${d.code}.D${String(nextD).padStart(2, "0")}`;
      const name = `${kelurahan ? "Lingkungan" : "Dusun"} ${ROMAN[nextD - 1] ?? nextD} ${d.name}`;
      local(code, name, "dusun");
      dusun.push({ code, name, rw: dusun.length + 1, rtCount: rng.int(3, 8) });
      nextD++;
    }

    const usedNames = new Set(ownPosyandu.map((u) => u.name));
    const cadres = () => {
      const n = rng.int(3, 5);
      const list = new Set<string>();
      while (list.size < n) list.add(rng.pick(CADRE_NAMES));
      return [...list];
    };
    const posyandu: PosyanduPlan[] = ownPosyandu.map((u) => ({
      code: u.code,
      name: u.name,
      day: rng.int(3, 25),
      cadres: cadres(),
      weight: 0.5 + rng.float(),
    }));
    let nextP = Math.max(0, ...ownPosyandu.map((u) => numberOf(u.code))) + 1;
    while (posyandu.length < wantPosyandu) {
      const code = `${d.code}.P${String(nextP).padStart(2, "0")}`;
      let name = `Posyandu ${rng.pick(POSYANDU_NAMES)}`;
      while (usedNames.has(name)) name = `Posyandu ${rng.pick(POSYANDU_NAMES)}`;
      usedNames.add(name);
      local(code, name, "posyandu");
      posyandu.push({ code, name, day: rng.int(3, 25), cadres: cadres(), weight: 0.5 + rng.float() });
      nextP++;
    }
    return { ...d, kelurahan, size, risk, dusun, posyandu, newRegions };
  });
}

/** Split `total` over weights, as integers that add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}
