import { completedMonths, completedYears, daysBetween } from "./dates";

/**
 * Priority target groups (sasaran) of Paser Pasal 5(1) and PALI Pasal 3, derived from the registry —
 * never typed by hand, so a child moves from 0–6 to 7–23 months on its own.
 */
export const TARGET_ROLES = [
  "ibu_hamil", // Pasal 5(1)a pregnant woman
  "ibu_menyusui_0_6", // Pasal 5(1)b mother of a child up to 6 months
  "ibu_menyusui_7_23", // Pasal 5(1)c mother of a child 7–23 months
  "anak_0_6", // Pasal 5(1)b
  "anak_7_23", // Pasal 5(1)c
  "anak_24_59", // Pasal 5(1)d
  "remaja_putri", // Pasal 5(1)e adolescent girl
  "anak_usia_sekolah", // Pasal 5(1)e school-age child (SD and SMP), girls and boys
  "wus", // Pasal 5(1)f woman of reproductive age
] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

export const TARGET_LABELS: Record<TargetRole, { id: string; en: string }> = {
  ibu_hamil: { id: "Ibu hamil", en: "Pregnant woman" },
  ibu_menyusui_0_6: { id: "Ibu menyusui (anak 0–6 bulan)", en: "Breastfeeding mother (child 0–6 months)" },
  ibu_menyusui_7_23: { id: "Ibu menyusui (anak 7–23 bulan)", en: "Breastfeeding mother (child 7–23 months)" },
  anak_0_6: { id: "Anak 0–6 bulan", en: "Child 0–6 months" },
  anak_7_23: { id: "Anak 7–23 bulan", en: "Child 7–23 months" },
  anak_24_59: { id: "Anak 24–59 bulan", en: "Child 24–59 months" },
  remaja_putri: { id: "Remaja putri", en: "Adolescent girl" },
  anak_usia_sekolah: { id: "Anak usia sekolah (SD/SMP)", en: "School-age child (primary/lower secondary)" },
  wus: { id: "Wanita usia subur (WUS)", en: "Woman of reproductive age" },
};

/**
 * Age bounds, as data. Adolescent: WHO's 10–19 years. School age: Paser Pasal 5(1)e names "remaja putri,
 * anak usia sekolah tingkat Sekolah Dasar (SD) dan Sekolah Menengah Pertama (SMP)" — a group of its own,
 * boys and girls alike; its age is that of compulsory basic education (SD + SMP), 7–15 years (PP 47/2008
 * tentang Wajib Belajar, Pasal 1 angka 1 and Pasal 7: "warga negara Indonesia yang berusia 7 (tujuh) sampai
 * dengan 15 (lima belas) tahun"). WUS: 15–49 years (BKKBN's definition of wanita usia subur).
 */
export const TARGET_AGE_RULES = {
  child0to6: { fromMonths: 0, toMonths: 6 },
  child7to23: { fromMonths: 7, toMonths: 23 },
  child24to59: { fromMonths: 24, toMonths: 59 },
  adolescentGirl: { fromYears: 10, toYears: 19 },
  schoolAge: { fromYears: 7, toYears: 15 },
  wus: { fromYears: 15, toYears: 49 },
  /** A pregnancy without a recorded outcome stops counting 4 weeks after the expected delivery date. */
  pregnancyOverdueDays: 28,
} as const;

export interface PregnancyFacts {
  lmpDate: string;
  eddDate: string;
  endedOn: string | null;
}

export interface PersonFacts {
  sex: 1 | 2;
  birthDate: string;
  pregnancies?: readonly PregnancyFacts[];
  /** Birth dates of the person's children (as mother). */
  childBirthDates?: readonly string[];
}

export function isPregnancyActive(p: PregnancyFacts, asOf: string): boolean {
  if (daysBetween(p.lmpDate, asOf) < 0) return false;
  if (p.endedOn !== null && daysBetween(p.endedOn, asOf) >= 0) return false;
  return daysBetween(p.eddDate, asOf) <= TARGET_AGE_RULES.pregnancyOverdueDays;
}

export function deriveTargetRoles(person: PersonFacts, asOf: string): TargetRole[] {
  const roles: TargetRole[] = [];
  if (daysBetween(person.birthDate, asOf) < 0) return roles;
  const months = completedMonths(person.birthDate, asOf);
  const years = completedYears(person.birthDate, asOf);
  const r = TARGET_AGE_RULES;
  if (person.sex === 2 && person.pregnancies?.some((p) => isPregnancyActive(p, asOf)))
    roles.push("ibu_hamil");
  if (person.sex === 2) {
    const childMonths = (person.childBirthDates ?? [])
      .filter((b) => daysBetween(b, asOf) >= 0)
      .map((b) => completedMonths(b, asOf));
    if (childMonths.some((m) => m <= r.child0to6.toMonths)) roles.push("ibu_menyusui_0_6");
    if (childMonths.some((m) => m >= r.child7to23.fromMonths && m <= r.child7to23.toMonths)) {
      roles.push("ibu_menyusui_7_23");
    }
  }
  if (months <= r.child0to6.toMonths) roles.push("anak_0_6");
  else if (months <= r.child7to23.toMonths) roles.push("anak_7_23");
  else if (months <= r.child24to59.toMonths) roles.push("anak_24_59");
  if (person.sex === 2 && years >= r.adolescentGirl.fromYears && years <= r.adolescentGirl.toYears) {
    roles.push("remaja_putri");
  }
  if (years >= r.schoolAge.fromYears && years <= r.schoolAge.toYears) roles.push("anak_usia_sekolah");
  if (person.sex === 2 && years >= r.wus.fromYears && years <= r.wus.toYears) roles.push("wus");
  return roles;
}

/** A 1000-HPK household has a pregnant woman or a child 0–23 months (PALI Pasal 1 angka 17). */
export function is1000HpkHousehold(memberRoles: readonly (readonly TargetRole[])[]): boolean {
  return memberRoles.some((roles) =>
    roles.some((r) => r === "ibu_hamil" || r === "anak_0_6" || r === "anak_7_23"),
  );
}

/** Pregnancy risk signals derived from measurements (the high-risk flag itself is recorded by the midwife). */
export const PREGNANCY_CUTOFFS = {
  /** KEK (kurang energi kronis): MUAC < 23.5 cm (Kemenkes, Pedoman Pelayanan Antenatal Terpadu). */
  kekMuacCm: 23.5,
  /** Anaemia in pregnancy: Hb < 11 g/dL (WHO 2011, Haemoglobin concentrations for the diagnosis of anaemia). */
  anaemiaHbGdl: 11,
} as const;

export function pregnancySignals(p: { muacCm: number | null; hbGdl: number | null }) {
  return {
    kek: p.muacCm !== null && p.muacCm < PREGNANCY_CUTOFFS.kekMuacCm,
    anaemia: p.hbGdl !== null && p.hbGdl < PREGNANCY_CUTOFFS.anaemiaHbGdl,
  };
}
