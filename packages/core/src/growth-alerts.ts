import type { ChildAlert, MeasurementView } from "./registry-views";

/**
 * Alerts on a child's page, from its latest measurement: stunting (TB/U < −2 SD), wasting (BB/PB-TB < −2 SD
 * or oedema), underweight (BB/U < −2 SD), 2T (refer: Permenkes 155/2010 KMS), implausible (WHO flags —
 * shown so the cadre measures again; the value is kept).
 */
export function childAlerts(views: readonly MeasurementView[], twoT: boolean): ChildAlert[] {
  const alerts: ChildAlert[] = [];
  if (twoT) alerts.push("2T");
  const latest = views.at(-1);
  if (!latest) return alerts;
  const flagged = new Set(latest.flags);
  if (!flagged.has("zlen") && !flagged.has("zhfa")) {
    if (latest.categories.tbu === "tbu.sangat_pendek") alerts.push("severe_stunting");
    else if (latest.categories.tbu === "tbu.pendek") alerts.push("stunting");
  }
  if (latest.oedema || (!flagged.has("zwfl") && latest.categories.bbtb === "bbtb.gizi_buruk"))
    alerts.push("severe_wasting");
  else if (!flagged.has("zwfl") && latest.categories.bbtb === "bbtb.gizi_kurang") alerts.push("wasting");
  if (
    !flagged.has("zwei") &&
    (latest.categories.bbu === "bbu.kurang" || latest.categories.bbu === "bbu.sangat_kurang")
  ) {
    alerts.push("underweight");
  }
  if (latest.flags.length > 0) alerts.push("implausible");
  return alerts;
}
