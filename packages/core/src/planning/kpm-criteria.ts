import { z } from "zod";

/**
 * KPM (Kader Pembangunan Manusia) criteria of PALI Pasal 29 as data, with a checker that says which are
 * unmet. Recruitment follows PALI Pasal 33: chosen by musyawarah desa (c) and appointed by the village
 * head's decree (e); at least one KPM per desa (b).
 */
export const KPM_CRITERIA = [
  {
    code: "warga_setempat",
    source: "PALI Pasal 29 huruf a",
    text: "berasal dari warga masyarakat Desa setempat",
  },
  {
    code: "pengalaman_kader_2_tahun",
    source: "PALI Pasal 29 huruf b",
    text: "berpengalaman sebagai kader masyarakat (diutamakan kader posyandu/kesehatan) minimal 2 tahun",
  },
  {
    code: "komunikasi_bahasa_daerah",
    source: "PALI Pasal 29 huruf c",
    text: "memiliki kemampuan komunikasi yang baik, khususnya berbahasa daerah setempat",
  },
  { code: "pendidikan_slta", source: "PALI Pasal 29 huruf d", text: "pendidikan minimal SLTA" },
  { code: "microsoft_office", source: "PALI Pasal 29 huruf e", text: "bisa mengoperasikan Microsoft Office" },
] as const;

export type KpmCriterion = (typeof KPM_CRITERIA)[number]["code"];

export const KPM_EDUCATION_LEVELS = ["sd", "smp", "slta", "d3", "s1", "s2"] as const;

/**
 * The facts recorded about a candidate (`planning_kpm.facts_json`); the criteria are computed from them,
 * not ticked directly.
 */
export const KpmFactsSchema = z.object({
  /** Lives in (is a resident of) the desa. */
  resident: z.boolean(),
  /** Years of experience as a community cadre. */
  cadreYears: z.number().min(0),
  /** Speaks the local language. */
  speaksLocalLanguage: z.boolean(),
  education: z.enum(KPM_EDUCATION_LEVELS),
  canUseOffice: z.boolean(),
});
export type KpmFacts = z.infer<typeof KpmFactsSchema>;

const EDUCATION_RANK = { sd: 0, smp: 1, slta: 2, d3: 3, s1: 4, s2: 5 } as const;

export interface KpmCheck {
  met: KpmCriterion[];
  unmet: KpmCriterion[];
  eligible: boolean;
}

export function checkKpmCriteria(f: KpmFacts): KpmCheck {
  const results: Record<KpmCriterion, boolean> = {
    warga_setempat: f.resident,
    // "minimal selama 2 (dua) Tahun" (PALI Pasal 29 b): two years exactly is enough.
    pengalaman_kader_2_tahun: f.cadreYears >= 2,
    komunikasi_bahasa_daerah: f.speaksLocalLanguage,
    pendidikan_slta: EDUCATION_RANK[f.education] >= EDUCATION_RANK.slta,
    microsoft_office: f.canUseOffice,
  };
  const met = KPM_CRITERIA.map((c) => c.code).filter((c) => results[c]);
  const unmet = KPM_CRITERIA.map((c) => c.code).filter((c) => !results[c]);
  return { met, unmet, eligible: unmet.length === 0 };
}

/** PALI Pasal 33 b: at least one KPM per desa, at most one per dusun/jorong. */
export function kpmCountProblem(kpmCount: number, dusunCount: number): "none" | "too_few" | "too_many" {
  if (kpmCount < 1) return "too_few";
  if (dusunCount > 0 && kpmCount > dusunCount) return "too_many";
  return "none";
}
