import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv, toCsv } from "@tumbuh/core";
import { DATA_DIR } from "../src/data-files";

/**
 * A synthetic e-PPGBM month for Kabupaten Paser: `rows` children spread over its desa, deterministic
 * (a fixed-seed PRNG), with NIK for 60 % of them and weights/lengths around the WHO medians.
 */
export function syntheticEppgbm(rows: number, month: string, seed = 42, birthsBefore = month): string {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const regions = parseCsv(readFileSync(join(DATA_DIR, "regions", "paser-6401.csv"), "utf8")).slice(1);
  const kec = new Map(
    regions.filter((r) => r.fields[2] === "kecamatan").map((r) => [r.fields[0], r.fields[1]]),
  );
  const desa = regions
    .filter((r) => r.fields[2] === "desa")
    .map((r) => ({ code: r.fields[0] as string, name: r.fields[1] as string }));
  const given = [
    "Aisyah",
    "Muhammad",
    "Rizky",
    "Putri",
    "Nur",
    "Siti",
    "Ahmad",
    "Dewi",
    "Fajar",
    "Intan",
    "Budi",
    "Citra",
  ];
  const family = [
    "Ramadhan",
    "Saputra",
    "Lestari",
    "Hidayat",
    "Wati",
    "Pratama",
    "Sari",
    "Nugroho",
    "Putra",
    "Aulia",
  ];
  const lines = [
    "NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,Prov,Kab/Kota,Kec,Puskesmas,Desa/Kel,Posyandu,RT,RW,Alamat,Usia Saat Ukur,Tanggal Pengukuran,Berat,Tinggi,Cara Ukur,LiLA".split(
      ",",
    ),
  ];
  // Births are drawn relative to `birthsBefore`, so two months' files can hold the same children.
  const [y, m] = birthsBefore.split("-").map(Number) as [number, number];
  for (let i = 0; i < rows; i++) {
    const d = desa[Math.floor(rnd() * desa.length)] as { code: string; name: string };
    const ageMonths = Math.floor(rnd() * 59);
    const birth = new Date(
      Date.UTC(y, m - 1 - ageMonths, 1 + Math.floor(rnd() * (ageMonths === 0 ? 4 : 27))),
    );
    const sex = rnd() < 0.5 ? 1 : 2;
    const dd = birth.getUTCDate() + (sex === 2 ? 40 : 0);
    const nik =
      rnd() < 0.6
        ? `${d.code.slice(0, 8).replaceAll(".", "")}${String(dd).padStart(2, "0")}${String(birth.getUTCMonth() + 1).padStart(2, "0")}${String(birth.getUTCFullYear()).slice(2)}${String(1 + (i % 9999)).padStart(4, "0")}`
        : "";
    const name = `${given[Math.floor(rnd() * given.length)]} ${family[Math.floor(rnd() * family.length)]} ${i}`;
    const weight = (3.3 + ageMonths * 0.25 + (rnd() - 0.5) * 2).toFixed(1).replace(".", ",");
    const length = (50 + ageMonths * 0.95 - ageMonths ** 2 * 0.006 + (rnd() - 0.5) * 6)
      .toFixed(1)
      .replace(".", ",");
    const lahir = `${String(birth.getUTCDate()).padStart(2, "0")}/${String(birth.getUTCMonth() + 1).padStart(2, "0")}/${birth.getUTCFullYear()}`;
    lines.push(
      [
        nik,
        name,
        sex === 1 ? "L" : "P",
        lahir,
        "",
        "",
        `Ibu ${family[Math.floor(rnd() * family.length)]}`,
        "KALIMANTAN TIMUR",
        "PASER",
        kec.get(d.code.slice(0, 8)),
        "",
        d.name,
        "",
        "001",
        "002",
        "",
        "",
        `${month}-${String(5 + Math.floor(rnd() * 20)).padStart(2, "0")}`,
        weight,
        length,
        ageMonths < 24 ? "Telentang" : "Berdiri",
        "",
      ].map((cell) => cell ?? ""),
    );
  }
  return toCsv(lines);
}
