import { nameKey } from "@tumbuh/core";
import type { Rng } from "./random";

/**
 * Name lists for the synthetic population: given names common in East Kalimantan registers (Banjar,
 * Bugis, Paser, Javanese and general Muslim Indonesian names), combined into one to three words.
 */
// biome-ignore format: a list of names reads best packed
const BOY_FIRST = [
  "Muhammad", "Ahmad", "Rizky", "Fadil", "Arkan", "Raffa", "Dimas", "Farhan", "Aditya", "Raka", "Zidan",
  "Arka", "Abdullah", "Ilham", "Hafiz", "Fikri", "Naufal", "Daffa", "Satria", "Yusuf", "Umar", "Ali",
  "Hamzah", "Alif", "Akbar", "Reza", "Fajar", "Bayu", "Azka", "Khairul", "Nabil", "Ilyas", "Zaki", "Rasya",
  "Athar", "Abyan", "Gibran", "Dzaky", "Andi", "Habibi", "Rafi", "Kenzie", "Bilal", "Hanif", "Fathan",
  "Arsyad", "Galang", "Aldi", "Ridho", "Syahrul",
] as const;
// biome-ignore format: a list of names reads best packed
const BOY_SECOND = [
  "Pratama", "Saputra", "Ramadhan", "Maulana", "Hidayat", "Firmansyah", "Alfarizi", "Al Fatih", "Putra",
  "Setiawan", "Kurniawan", "Hakim", "Ardiansyah", "Syahputra", "Prasetyo", "Nugraha", "Febriansyah",
  "Rizky", "Akbar", "Fadhillah", "Arrasyid", "Mubarak", "Aziz", "Rahman", "Alamsyah", "Wijaya",
] as const;
// biome-ignore format: a list of names reads best packed
const GIRL_FIRST = [
  "Aisyah", "Siti", "Nur", "Putri", "Zahra", "Nayla", "Alya", "Keisha", "Adiba", "Khadijah", "Fatimah",
  "Salsabila", "Naura", "Kayla", "Aqila", "Shafira", "Hana", "Anisa", "Dinda", "Citra", "Nabila", "Syifa",
  "Rahma", "Amira", "Rania", "Humaira", "Almira", "Arsyila", "Nadia", "Tiara", "Intan", "Dewi", "Ayu",
  "Mutiara", "Zaskia", "Azizah", "Hafsah", "Qonita", "Raisa", "Fitri", "Syakira", "Annisa", "Inayah",
  "Zalfa", "Maryam", "Jihan", "Khansa", "Nurul", "Sakinah", "Wulan",
] as const;
// biome-ignore format: a list of names reads best packed
const GIRL_SECOND = [
  "Putri", "Ramadhani", "Azzahra", "Aulia", "Rahmawati", "Safitri", "Maharani", "Lestari", "Anggraini",
  "Wulandari", "Khairunnisa", "Febriani", "Kirana", "Nuraini", "Zahira", "Salsabila", "Rahmadani",
  "Humaira", "Az Zahra", "Amelia", "Nabila", "Hasanah", "Fitriani", "Permata", "Nafisa", "Shakila",
] as const;
// biome-ignore format: a list of names reads best packed
const WOMAN_FIRST = [
  "Siti", "Nur", "Sri", "Dewi", "Halimah", "Juwita", "Nurhayati", "Fitriani", "Masitah", "Rusmini",
  "Herlina", "Yuliana", "Hasnah", "Marlina", "Rosmiati", "Suryani", "Sumiati", "Jumiati", "Hartini",
  "Nurul", "Wahyuni", "Rina", "Ernawati", "Megawati", "Novita", "Eka", "Asmawati", "Kartini", "Ratna",
  "Nurjannah", "Mariani", "Darmawati", "Hamidah", "Rahmah", "Nining", "Yanti", "Erna", "Salmah",
  "Rosdiana", "Lilis", "Nurlela", "Hajrah", "Andi", "Wati", "Fatmawati", "Rini", "Indah", "Lina",
] as const;
// biome-ignore format: a list of names reads best packed
const WOMAN_SECOND = [
  "Aminah", "Aini", "Rahayu", "Wahyuni", "Sartika", "Hidayah", "Puspita", "Handayani", "Lestari", "Kusuma",
  "Sari", "Maulida", "Fitria", "Yanti", "Rahmawati", "Agustina", "Susanti", "Ningsih", "Purnamasari",
  "Anggraeni", "Safitri", "Julianti", "Marliana", "Noviyanti", "Ramlah", "Nurbaya",
] as const;
// biome-ignore format: a list of names reads best packed
const MAN_FIRST = [
  "Ahmad", "Muhammad", "Abdul", "Syamsul", "Hendra", "Rudi", "Budi", "Agus", "Jamaluddin", "Syahrani",
  "Rahmadi", "Ismail", "Hasanuddin", "Darmansyah", "Sudirman", "Andi", "Arifin", "Iwan", "Suparman",
  "Taufik", "Herman", "Anwar", "Baharuddin", "Sulaiman", "Syarifuddin", "Junaidi", "Yusran", "Irwan",
  "Mulyadi", "Fahrul", "Rusdi", "Hairil", "Saiful", "Samsuddin", "Joko", "Eko", "Rahmat", "Zainal", "Amir",
  "Darmawan", "Rizal", "Firman", "Supriadi", "Ridwan", "Hamdani", "Nasrullah", "Usman",
] as const;
// biome-ignore format: a list of names reads best packed
const MAN_SECOND = [
  "Yusuf", "Rahman", "Bahri", "Hartono", "Santoso", "Salim", "Hidayat", "Gafur", "Rozi", "Efendi",
  "Saputra", "Setiawan", "Kurniawan", "Wahyudi", "Hasan", "Rasyid", "Mahmud", "Syarif", "Basri", "Nur",
  "Ramli", "Baso", "Hamid", "Siregar", "Purnomo", "Susanto",
] as const;

// biome-ignore format: a list of names reads best packed
export const POSYANDU_NAMES = [
  "Melati", "Mawar", "Anggrek", "Kenanga", "Dahlia", "Flamboyan", "Cempaka", "Teratai", "Seroja",
  "Kamboja", "Bougenville", "Kasih Ibu", "Harapan Bunda", "Sehati", "Pelita", "Permata", "Nusa Indah",
  "Asoka", "Lestari", "Tunas Harapan", "Bina Sehat", "Sakura", "Tulip", "Matahari",
] as const;

// biome-ignore format: a list of names reads best packed
export const STREETS = [
  "Poros", "Pendidikan", "Masjid", "Pelita", "Merdeka", "Transmigrasi", "Kebun Sawit", "Pasar", "Pemuda",
  "Bhayangkara", "Kenangan", "Al Ikhlas", "Padat Karya", "Sungai Kandilo", "Datu Lembah", "Sejahtera",
  "Swadaya", "Gotong Royong", "Nusantara", "Rambutan", "Durian", "Karet", "Simpang Tiga",
] as const;

// biome-ignore format: a list of names reads best packed
export const HIGH_RISK_NOTES = [
  "Usia ibu > 35 tahun", "Jarak kehamilan < 2 tahun", "Riwayat perdarahan pada persalinan sebelumnya",
  "Hipertensi (tekanan darah ≥ 140/90)", "Anemia berat", "Tinggi badan ibu < 145 cm",
  "Riwayat keguguran berulang", "Grande multipara (≥ 4 kali melahirkan)", "Riwayat preeklampsia",
  "Letak janin sungsang", "Usia ibu < 20 tahun",
] as const;

export const CADRE_NAMES = [...WOMAN_FIRST];

function twoOrOne(rng: Rng, first: readonly string[], second: readonly string[], pSecond: number) {
  const a = rng.pick(first);
  if (!rng.chance(pSecond)) return a;
  let b = rng.pick(second);
  for (let i = 0; i < 3 && b === a; i++) b = rng.pick(second);
  return b === a ? a : `${a} ${b}`;
}

export function childName(rng: Rng, sex: 1 | 2): string {
  return sex === 1
    ? twoOrOne(rng, BOY_FIRST, BOY_SECOND, 0.75)
    : twoOrOne(rng, GIRL_FIRST, GIRL_SECOND, 0.75);
}

export function womanName(rng: Rng): string {
  return twoOrOne(rng, WOMAN_FIRST, WOMAN_SECOND, 0.6);
}

export function manName(rng: Rng): string {
  return twoOrOne(rng, MAN_FIRST, MAN_SECOND, 0.6);
}

/**
 * Spellings of one name that registers really mix (old and new spelling, doubled letters, i/y, h after a
 * consonant, o/u in Arabic names). Each rule keeps core's `nameKey`, so a re-registration under a variant
 * is what the duplicate proposals must find.
 */
const VARIANT_RULES: readonly [RegExp, string][] = [
  [/^Muhammad\b/, "Mohamad"],
  [/^Muhammad\b/, "Muhamad"],
  [/^Muhammad\b/, "Mohammad"],
  [/\bRizky\b/, "Risky"],
  [/ky\b/, "ki"],
  [/([^k])y\b/, "$1i"],
  [/([^k])i\b/, "$1y"],
  [/dh/, "d"],
  [/di/, "dhi"],
  [/ff/, "f"],
  [/nn/, "n"],
  [/mm/, "m"],
  [/\bKh/, "Ch"],
  [/Yusuf/, "Yusup"],
  [/ah\b/, "a"],
  [/([^h])a\b/, "$1ah"],
  [/ayla/, "aila"],
  [/lya/, "liya"],
  [/eisha/, "eysha"],
  [/\bNur\b/, "Noor"],
];

export function spellingVariant(rng: Rng, name: string): string {
  const key = nameKey(name);
  const order = VARIANT_RULES.map((r) => ({ r, k: rng.float() })).sort((a, b) => a.k - b.k);
  let current = name;
  let changes = 0;
  for (const { r } of order) {
    if (changes >= 2) break;
    const next = current.replace(r[0], r[1]);
    if (next !== current && nameKey(next) === key) {
      current = next;
      changes++;
    }
  }
  // Cadres also prefix babies' names with "An." (anak) or "By." (bayi); the key ignores it.
  return current === name ? `${rng.chance(0.5) ? "An." : "By."} ${name}` : current;
}
