import { type FigureCell, type FigureUnit, formatPercent } from "@tumbuh/core";
import type { Locale } from "../../i18n/messages";
import { formatNumber } from "../../kit/format";

/** A report figure as the page shows it (the same rules as the PDF: percent with one decimal, rupiah whole). */
export function showFigure(unit: FigureUnit, value: FigureCell, locale: Locale): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  switch (unit) {
    case "percent":
      return formatPercent(value, locale, { decimals: 1 });
    case "rupiah":
      return `Rp ${formatNumber(Math.round(value), locale, 0)}`;
    default:
      return formatNumber(value, locale, 1);
  }
}
