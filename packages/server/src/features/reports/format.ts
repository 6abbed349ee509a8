import { type FigureCell, type FigureUnit, formatPercent } from "@tumbuh/core";

const count = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });

/** A figure as the PDF prints it (Indonesian number style; "–" for no data). */
export function printFigure(unit: FigureUnit, value: FigureCell, text: string | null = null): string {
  if (unit === "text") return value === null ? (text ?? "–") : String(value);
  if (value === null || typeof value === "string") return value ?? "–";
  switch (unit) {
    case "percent":
      return formatPercent(value, "id", { decimals: 1 });
    case "rupiah":
      return `Rp ${Math.round(value).toLocaleString("id-ID")}`;
    case "count":
      return count.format(value);
  }
}
