// WHO growth chart as plain SVG: the −3…+3 SD lines with the normal band shaded, the child's points
// joined oldest to newest, implausible points drawn apart. The geometry is pure (chartMath.ts) and
// computed once per data and width; the component is memoised so parent re-renders skip it. No
// per-point tooltips (no hover on phones; the measurement history is the readable form of the data),
// which keeps a 60-point chart at about 90 SVG elements.
import type { ChartView } from "@tumbuh/core";
import { memo, useId, useMemo, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatNumber } from "../../kit/format";
import { chartGeometry, chartHeight } from "./chartMath";
import { useElementWidth } from "./useElementWidth";
import "./GrowthChart.css";

const SD_CLASS = ["sd3", "sd2", "sd1", "sd0", "sd1", "sd2", "sd3"] as const;
const SD_LABEL = ["\u22123", "\u22122", "", "0", "", "+2", "+3"] as const;

interface Props {
  view: ChartView;
  /** Accessible name of the chart, e.g. "TB/U". */
  title: string;
}

function GrowthChartImpl({ view, title }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  return (
    <div className="growth-chart">
      <div ref={ref} className="growth-chart__frame" style={{ minHeight: chartHeight(width || 328) }}>
        {width > 0 && <ChartSvg view={view} width={width} title={title} />}
      </div>
      <Legend />
    </div>
  );
}

export const GrowthChart = memo(GrowthChartImpl);

const ChartSvg = memo(function ChartSvg({ view, width, title }: Props & { width: number }) {
  const { t, locale } = useI18n();
  const clipId = useId();
  const g = useMemo(() => chartGeometry(view, width), [view, width]);
  const { plot } = g;
  const xLabel = t(view.xUnit === "month" ? "chart.x.month" : "chart.x.cm");
  const yLabel = t(view.yUnit === "kg" ? "chart.y.kg" : "chart.y.cm");
  const yDecimals = g.yTicks.some((tk) => !Number.isInteger(tk.value)) ? 1 : 0;

  return (
    <svg
      className="growth-chart__svg"
      width={g.width}
      height={g.height}
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-label={t("chart.aria", { name: title, count: view.points.length })}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.x0} y={plot.y0} width={plot.x1 - plot.x0} height={plot.y1 - plot.y0} />
        </clipPath>
      </defs>
      <g className="gc-grid">
        {g.yTicks.map((tk) => (
          <line key={`y${tk.value}`} x1={plot.x0} x2={plot.x1} y1={tk.pos} y2={tk.pos} />
        ))}
        {g.xTicks.map((tk) => (
          <line key={`x${tk.value}`} x1={tk.pos} x2={tk.pos} y1={plot.y0} y2={plot.y1} />
        ))}
      </g>
      <g clipPath={`url(#${clipId})`}>
        <path className="gc-band" d={g.normalBand} />
        {g.sdPaths.map((d, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the seven SD lines are fixed by position
          <path key={k} className={`gc-line gc-${SD_CLASS[k]}`} d={d} />
        ))}
        <path className="gc-child" d={g.childPath} />
        {g.points.map((p) =>
          p.flagged ? (
            <rect
              key={p.measuredOn}
              className="gc-flagged"
              x={p.cx - 4.5}
              y={p.cy - 4.5}
              width={9}
              height={9}
              transform={`rotate(45 ${p.cx.toFixed(1)} ${p.cy.toFixed(1)})`}
            />
          ) : (
            <circle key={p.measuredOn} className="gc-point" cx={p.cx} cy={p.cy} r={3.5} />
          ),
        )}
      </g>
      <g className="gc-axis">
        <line x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} />
        <line x1={plot.x0} x2={plot.x0} y1={plot.y0} y2={plot.y1} />
        {g.xTicks.map((tk) => (
          <text key={tk.value} x={tk.pos} y={plot.y1 + 16} textAnchor="middle">
            {formatNumber(tk.value, locale, 1)}
          </text>
        ))}
        {g.yTicks.map((tk) => (
          <text key={tk.value} x={plot.x0 - 5} y={tk.pos + 4} textAnchor="end">
            {formatNumber(tk.value, locale, yDecimals)}
          </text>
        ))}
        <text className="gc-title" x={(plot.x0 + plot.x1) / 2} y={g.height - 8} textAnchor="middle">
          {xLabel}
        </text>
        <text className="gc-title" x={4} y={14}>
          {yLabel}
        </text>
        {g.sdEnds.map((end, k) =>
          end && SD_LABEL[k] ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed SD positions
            <text key={k} className={`gc-sdlabel gc-${SD_CLASS[k]}`} x={plot.x1 + 4} y={end.y + 4}>
              {SD_LABEL[k]}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
});

const LEGEND: { key: MessageKey; swatch: string }[] = [
  { key: "chart.legend.median", swatch: "sd0" },
  { key: "chart.legend.sd2", swatch: "sd2" },
  { key: "chart.legend.sd3", swatch: "sd3" },
  { key: "chart.legend.band", swatch: "band" },
  { key: "chart.legend.child", swatch: "child" },
  { key: "chart.legend.flagged", swatch: "flagged" },
];

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="growth-chart__legend">
      {LEGEND.map(({ key, swatch }) => (
        <li key={key}>
          <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
            {swatch === "band" ? (
              <rect className="gc-band" x="1" y="1" width="20" height="10" />
            ) : swatch === "child" ? (
              <>
                <line className="gc-child" x1="1" x2="21" y1="6" y2="6" />
                <circle className="gc-point" cx="11" cy="6" r="3.5" />
              </>
            ) : swatch === "flagged" ? (
              <rect className="gc-flagged" x="7" y="2" width="8" height="8" transform="rotate(45 11 6)" />
            ) : (
              <line className={`gc-line gc-${swatch}`} x1="1" x2="21" y1="6" y2="6" />
            )}
          </svg>
          {t(key)}
        </li>
      ))}
    </ul>
  );
}
