import { z } from "zod";

/**
 * Why a scorecard cell is what it is: what was due and by when, what was recorded, and the rule with its
 * source. Filled by the rules in ./rules.ts only when asked (a regency's scorecard scores ~600,000 cells and
 * needs none of this); the same code decides the cell and writes its reasons, so they cannot disagree.
 */
export const TextSchema = z.object({ id: z.string(), en: z.string() });
export type Text = z.infer<typeof TextSchema>;

export const DueItemSchema = z.object({
  label: TextSchema,
  /** Last day it could be done (ISO date; the web writes it in Indonesian), null when open-ended. */
  by: z.string().nullable(),
  met: z.boolean(),
});
export type DueItem = z.infer<typeof DueItemSchema>;

export const RecordedItemSchema = z.object({ label: TextSchema, on: z.string() });
export type RecordedItem = z.infer<typeof RecordedItemSchema>;

export const CellExplanationSchema = z.object({
  month: z.string(),
  cell: z.enum(["Y", "T", "TS"]).nullable(),
  /** The rule in words. */
  rule: TextSchema,
  source: z.string(),
  due: z.array(DueItemSchema),
  recorded: z.array(RecordedItemSchema),
  /** A sentence for what the lists do not say (e.g. why the target is not in the indicator this month). */
  note: TextSchema.nullable(),
});
export type CellExplanation = z.infer<typeof CellExplanationSchema>;

/** Collector the rules write into when an explanation is wanted. */
export class Why {
  due: DueItem[] = [];
  recorded: RecordedItem[] = [];
  note: Text | null = null;
  rule: Text | null = null;
  source: string | null = null;
  needs(label: Text, by: string | null, met: boolean): void {
    this.due.push({ label, by, met });
  }
  saw(label: Text, on: string): void {
    this.recorded.push({ label, on });
  }
  because(note: Text): void {
    this.note = note;
  }
}

export const t = (id: string, en: string): Text => ({ id, en });
