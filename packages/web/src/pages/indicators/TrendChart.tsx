// A monthly trend as plain SVG (no chart library, in the style of the growth chart): the figure per
// month as a line with dots, the target as a dashed line, the latest value labelled.
import type { TrendPoint } from "@tumbuh/core";
import { memo, useMemo, useRef } from "react";
import { useElementWidth } from "../../components/GrowthChart/useElementWidth";
import { useI18n } from "../../i18n/I18nProvider";
import { formatNumber } from "../../kit/format";
import { TREND_HEIGHT, trendGeometry } from "./trendMath";

interface Props {
  title: string;
  points: readonly TrendPoint[];
  target: number | null;
  /** "down": lower is better (prevalence), drawn in the warning colour when above target. */
  direction: "up" | "down";
}

function monthLabel(period: string, locale: string): string {
  const d = new Date(`${period}-01T00:00:00Z`);
  return d.toLocaleDateString(locale === "id" ? "id-ID" : "en-GB", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
}

export const TrendChart = memo(function TrendChart({ title, points, target, direction }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const { t, locale } = useI18n();
  const g = useMemo(() => (width > 0 ? trendGeometry(points, width, target) : null), [points, width, target]);
  const last = g?.points.at(-1);
  const off = last && target !== null && (direction === "down" ? last.value > target : last.value < target);
  return (
    <figure className="trend">
      <figcaption className="trend__title">{title}</figcaption>
      <div ref={ref} className="trend__frame" style={{ minHeight: TREND_HEIGHT }}>
        {g && (
          <svg
            width={g.width}
            height={g.height}
            viewBox={`0 0 ${g.width} ${g.height}`}
            role="img"
            aria-label={t("ind.trendAria", { name: title, count: g.points.length })}
          >
            <g className="trend__grid">
              {g.yTicks.map((tk) => (
                <g key={tk.value}>
                  <line x1={g.plot.x0} x2={g.plot.x1} y1={tk.pos} y2={tk.pos} />
                  <text x={g.plot.x0 - 4} y={tk.pos + 4} textAnchor="end">
                    {Math.round(tk.value)}%
                  </text>
                </g>
              ))}
              {g.xTicks.map((tk) => (
                <text key={tk.label} x={tk.pos} y={g.height - 6} textAnchor={tk.anchor}>
                  {monthLabel(tk.label, locale)}
                </text>
              ))}
            </g>
            {g.targetY !== null && (
              <g className="trend__target">
                <line x1={g.plot.x0} x2={g.plot.x1} y1={g.targetY} y2={g.targetY} />
                <text x={g.plot.x0 + 4} y={g.targetY + 12} textAnchor="start">
                  {t("ind.target")} {target}%
                </text>
              </g>
            )}
            <path className={off ? "trend__line trend__line--off" : "trend__line"} d={g.path} />
            {g.points.map((p) => (
              <circle
                key={p.period}
                className={off ? "trend__dot trend__dot--off" : "trend__dot"}
                cx={p.x}
                cy={p.y}
                r={2.5}
              >
                <title>
                  {monthLabel(p.period, locale)}: {formatNumber(p.value, locale)}%
                </title>
              </circle>
            ))}
            {last && (
              <text
                className="trend__last"
                x={Math.min(last.x, g.plot.x1 - 2)}
                y={Math.max(12, last.y - 8)}
                textAnchor="end"
              >
                {formatNumber(last.value, locale)}%
              </text>
            )}
          </svg>
        )}
      </div>
    </figure>
  );
});
