import type { SignatorySide } from "./schemas";
import type { StageCode } from "./stages";

/**
 * What a stage needs on record before it can be marked finished — the regulation's output, not a tick box.
 */
export interface CycleEvidence {
  meetingKinds: string[];
  /** Sides that signed the rembuk minutes (from the rembuk meeting records). */
  rembukSignatorySides: SignatorySide[];
  proposals: number;
  rankedProposals: number;
  campaigns: number;
  proposalsInPlan: number;
  budgetRecorded: boolean;
}

export type MissingEvidence =
  | "meeting_pemetaan_sosial"
  | "meeting_fgd_desa"
  | "meeting_fgd_antar_desa"
  | "meeting_rembuk"
  | "signatory_rds"
  | "signatory_masyarakat"
  | "signatory_pemerintah"
  | "proposals_ranked"
  | "campaign"
  | "proposal_in_plan"
  | "budget";

export function missingEvidence(stage: StageCode, e: CycleEvidence): MissingEvidence[] {
  const out: MissingEvidence[] = [];
  const meeting = (kind: "pemetaan_sosial" | "fgd_desa" | "fgd_antar_desa" | "rembuk") => {
    if (!e.meetingKinds.includes(kind)) out.push(`meeting_${kind}`);
  };
  switch (stage) {
    case "fgd_desa": // PALI Pasal 10; instrumen kendali "Berita Acara FGD" (Lampiran II)
    case "fgd_antar_desa": // PALI Pasal 11
      meeting(stage);
      break;
    case "rembuk":
      meeting("rembuk");
      // Berita acara signed by representatives of RDS, the community and the village government:
      // PALI Pasal 12(3) b, Paser Pasal 32(5).
      for (const side of ["rds", "masyarakat", "pemerintah"] as const)
        if (!e.rembukSignatorySides.includes(side)) out.push(`signatory_${side}`);
      // "penyepakatan prioritas usulan" (PALI Pasal 12(3) b, Paser Pasal 32(4) b): every proposal ranked.
      if (e.proposals === 0 || e.rankedProposals < e.proposals) out.push("proposals_ranked");
      break;
    case "kampanye": // PALI Pasal 13, Paser Pasal 33
      if (e.campaigns === 0) out.push("campaign");
      break;
    case "rkp_desa":
    case "usulan_kelurahan": // Paser Pasal 26
      if (e.proposalsInPlan === 0) out.push("proposal_in_plan");
      break;
    case "apb_desa":
    case "apbd": // Paser Pasal 27: the budget amounts must be known to report the stunting share
      if (!e.budgetRecorded) out.push("budget");
      break;
    default:
      break;
  }
  return out;
}
