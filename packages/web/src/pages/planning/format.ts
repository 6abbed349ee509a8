// Number formatting for the planning pages (rupiah, percent), pure.
export function rupiah(n: number, locale = "id-ID"): string {
  return `Rp ${Math.round(n).toLocaleString(locale)}`;
}

/** "1.500.000" or "1500000" or "1,5" typed by a user → a whole number, or null when not a number. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[Rp\s.]/gi, "").replace(",", ".");
  if (cleaned === "") return null;
  const n = Number(cleaned);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/** Lines of a textarea, trimmed, blank ones dropped. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}
