import { z } from "zod";
import { ASSESSMENT_COMPONENTS } from "./assessment";

/**
 * Awards and incentives (Perbup Paser 47/2024 Pasal 49): the Bupati may reward persons, community groups
 * and institutions (ayat (1)) of the kinds in ayat (2) a–h, as a piagam/piala and/or money set by a
 * Keputusan Bupati (ayat (3)); kader posyandu receive it as an incentive whose amount an SK Bupati sets
 * (ayat (4)).
 */
export const AWARD_RECIPIENTS = [
  "kpm",
  "kader_posyandu",
  "bapak_bunda_asuh",
  "lkd",
  "pemerintah_desa",
  "organisasi",
  "pihak_ketiga",
  "masyarakat",
] as const;
export type AwardRecipient = (typeof AWARD_RECIPIENTS)[number];

export const AWARD_RECIPIENT_LABELS: Record<AwardRecipient, { id: string; en: string; letter: string }> = {
  kpm: { id: "KPM", en: "Human development cadre (KPM)", letter: "a" },
  kader_posyandu: { id: "Kader Posyandu", en: "Posyandu cadre", letter: "b" },
  bapak_bunda_asuh: {
    id: "Bapak/Bunda Asuh anak Stunting",
    en: "Foster parent of a stunted child",
    letter: "c",
  },
  lkd: { id: "Lembaga Kemasyarakatan Desa (LKD)", en: "Village community institution (LKD)", letter: "d" },
  pemerintah_desa: { id: "Pemerintah Desa", en: "Village government", letter: "e" },
  organisasi: {
    id: "Organisasi Kemasyarakatan/profesi",
    en: "Community/professional organisation",
    letter: "f",
  },
  pihak_ketiga: { id: "Pihak ketiga", en: "Third party", letter: "g" },
  masyarakat: { id: "Anggota masyarakat lainnya", en: "Other resident", letter: "h" },
};

/** Pasal 49(3): piagam/piala and/or money; (4): a kader's incentive. */
export const AWARD_FORMS = ["piagam", "piala", "uang", "insentif"] as const;
export type AwardForm = (typeof AWARD_FORMS)[number];

export const AwardInput = z
  .strictObject({
    year: z.number().int().min(2020).max(2100),
    regionCode: z.string().min(2).max(40),
    recipientKind: z.enum(AWARD_RECIPIENTS),
    recipientName: z.string().trim().min(1).max(200),
    forms: z.array(z.enum(AWARD_FORMS)).min(1).max(4),
    /** Rupiah, when the forms include uang or insentif. */
    amount: z.number().int().min(0).max(10_000_000_000).nullable(),
    skNumber: z.string().trim().min(1).max(120),
    skDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    reason: z.string().max(2000),
  })
  .superRefine((a, ctx) => {
    const money = a.forms.includes("uang") || a.forms.includes("insentif");
    if (money && (a.amount === null || a.amount === 0))
      ctx.addIssue({ code: "custom", path: ["amount"], message: "amount: required for uang/insentif" });
    if (a.forms.includes("insentif") && a.recipientKind !== "kader_posyandu")
      ctx.addIssue({
        code: "custom",
        path: ["forms"],
        message: "forms: an insentif is for kader posyandu (Pasal 49 ayat (4))",
      });
  });
export type AwardInput = z.infer<typeof AwardInput>;

export const AwardViewSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  recipientKind: z.enum(AWARD_RECIPIENTS),
  recipientName: z.string(),
  forms: z.array(z.enum(AWARD_FORMS)),
  amount: z.number().nullable(),
  skNumber: z.string(),
  skDate: z.string(),
  reason: z.string(),
  recordedAt: z.string(),
});
export type AwardView = z.infer<typeof AwardViewSchema>;

export const AwardCandidateSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(["kecamatan", "desa"]),
  rank: z.number().int(),
  score: z.number(),
  strongest: z.enum(ASSESSMENT_COMPONENTS).nullable(),
});
export type AwardCandidate = z.infer<typeof AwardCandidateSchema>;

export const AwardRegisterSchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  awards: z.array(AwardViewSchema),
  /** From the year's published assessment (the top desa and kecamatan); empty until one is published. */
  candidates: z.array(AwardCandidateSchema),
});
export type AwardRegister = z.infer<typeof AwardRegisterSchema>;
