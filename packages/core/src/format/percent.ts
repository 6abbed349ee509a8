/**
 * Percentages as users read them, on screens, PDFs and the CLI alike: the locale's decimal mark (Indonesian
 * "12,5"), at most one decimal, and the sign right after the number as Indonesian spelling rules and the
 * official reports write it ("prevalensi 21,6%"). No figure (null, or a division by zero) is "–".
 */
export interface PercentOptions {
  /** The value is a share of 1 (0.125 → "12,5%"), as the family views carry it; default: of 100. */
  fraction?: boolean;
  /** Exactly this many decimals ("12,0%"), for table columns that should line up; default: up to one. */
  decimals?: number;
}

/** Intl formatters are slow to make and tables format thousands of cells: one per locale and decimals. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, decimals: number | undefined): Intl.NumberFormat {
  const key = `${locale}|${decimals ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 1,
    });
    formatters.set(key, f);
  }
  return f;
}

/** `locale` is a BCP 47 tag or the app's "id" / "en"; Indonesian is the default. */
export function formatPercent(
  value: number | null | undefined,
  locale = "id",
  options: PercentOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${formatter(locale, options.decimals).format(options.fraction ? value * 100 : value)}%`;
}
