import { formatPercent, type Overview } from "@tumbuh/core";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * Horizontal bars: the stunting share of each village's budget (villages without a recorded budget left
 * out), highest first, with the total as the first bar. Scale 0–max(share) rounded up to 5 %.
 */
export function ShareChart({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const rows = overview.rows
    .filter((r) => r.stuntingShare !== null)
    .sort((a, b) => (b.stuntingShare ?? 0) - (a.stuntingShare ?? 0));
  const bars = [
    { key: "total", label: t("pl.mapping.total"), share: overview.total.stuntingShare ?? 0, total: true },
    ...rows.map((r) => ({
      key: r.regionCode,
      label: r.regionName,
      share: r.stuntingShare ?? 0,
      total: false,
    })),
  ];
  const max = Math.max(5, Math.ceil(Math.max(...bars.map((b) => b.share)) / 5) * 5);
  const labelW = 100;
  const barW = 150;
  const rowH = 16;
  const width = labelW + barW + 45;
  const height = bars.length * rowH + 24;
  const ticks = [0, max / 2, max];
  return (
    <figure className="stack-sm">
      <svg
        className="share-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${t("po.chart")}: ${t("pl.mapping.total")} ${formatPercent(overview.total.stuntingShare)}`}
      >
        {ticks.map((v) => {
          const x = labelW + (v / max) * barW;
          return (
            <g key={v}>
              <line x1={x} x2={x} y1={14} y2={height} stroke="#cfd9d5" />
              <text x={x} y={10} textAnchor="middle" fill="#4d5b56">
                {v} %
              </text>
            </g>
          );
        })}
        {bars.map((b, i) => {
          const y = 18 + i * rowH;
          const w = (b.share / max) * barW;
          return (
            <g key={b.key}>
              <text
                x={labelW - 4}
                y={y + 10}
                textAnchor="end"
                fontWeight={b.total ? 700 : 400}
                fill="#17211e"
              >
                {b.label.length > 17 ? `${b.label.slice(0, 16)}…` : b.label}
              </text>
              <rect
                x={labelW}
                y={y + 1}
                width={w}
                height={rowH - 4}
                fill={b.total ? "#115e59" : "#0f766e"}
                opacity={b.total ? 1 : 0.75}
              />
              <text x={labelW + w + 3} y={y + 10} fill="#17211e" fontWeight={b.total ? 700 : 400}>
                {formatPercent(b.share)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t("po.chartHint")}</figcaption>
    </figure>
  );
}
