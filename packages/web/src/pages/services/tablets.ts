/**
 * The tablet count typed for a TTD record: a whole number 1–300 (the server's limit, core services/schemas
 * `quantity`), else null. The scorecard counts tablets, ≥ 90 in the pregnancy (BUKU 1000 HPK: "minum 1 tablet
 * … setiap hari minimal selama 90 hari"), so a TTD record without its count would add nothing.
 */
export const MAX_TABLETS = 300;

export function tabletCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= MAX_TABLETS ? n : null;
}
