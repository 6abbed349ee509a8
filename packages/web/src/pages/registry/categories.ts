// Permenkes 2/2020 categories, KMS weighing status and child alerts → label and badge tone.
// Pure (no React) so the mapping is unit-tested. Labels come from @tumbuh/growth/permenkes (the band
// table only, not the WHO tables).
import type {
  ChildAlert,
  ChildListRow,
  GrowthCategories,
  MeasurementView,
  WeighingStatus,
} from "@tumbuh/core";
import { PERMENKES_INDICES, type PermenkesBand } from "@tumbuh/growth/permenkes";
import type { Locale, MessageKey } from "../../i18n/messages";
import { translate } from "../../i18n/messages";
import type { Badge, Tone } from "../../kit/ui";

const BANDS = new Map<string, PermenkesBand>(
  PERMENKES_INDICES.flatMap((ix) => ix.bands.map((b) => [b.code, b] as const)),
);

/** Tone by band name (the part after the dot), shared by every index. */
const TONE_BY_BAND: Record<string, Tone> = {
  sangat_pendek: "danger",
  pendek: "warn",
  normal: "ok",
  tinggi: "info",
  sangat_kurang: "danger",
  kurang: "warn",
  risiko_lebih: "info",
  gizi_buruk: "danger",
  gizi_kurang: "warn",
  gizi_baik: "ok",
  berisiko_gizi_lebih: "info",
  gizi_lebih: "warn",
  obesitas: "danger",
};

export function categoryTone(code: string | null): Tone {
  if (!code) return "neutral";
  const band = code.slice(code.indexOf(".") + 1);
  return TONE_BY_BAND[band] ?? "neutral";
}

/** The Permenkes label of a category code ("tbu.pendek" → "Pendek"); the code itself when unknown. */
export function categoryLabel(code: string, locale: Locale): string {
  const band = BANDS.get(code);
  if (!band) return code;
  return locale === "id" ? band.labelId : band.labelEn;
}

/** The badge of one category, without the index name ("Pendek"). */
export function categoryBadge(code: string, locale: Locale): Badge {
  return { label: categoryLabel(code, locale), tone: categoryTone(code) };
}

export function isNormal(code: string | null): boolean {
  return categoryTone(code) === "ok";
}

export const CATEGORY_INDICES = [
  "tbu",
  "bbu",
  "bbtb",
  "imtu",
] as const satisfies readonly (keyof GrowthCategories)[];

/** One badge per computed category, prefixed with the index ("TB/U: Pendek"). */
export function categoryBadges(categories: GrowthCategories, locale: Locale, onlyAbnormal = false): Badge[] {
  const badges: Badge[] = [];
  for (const ix of CATEGORY_INDICES) {
    const code = categories[ix];
    if (!code || (onlyAbnormal && isNormal(code))) continue;
    badges.push({
      label: `${translate(locale, `index.${ix}`)}: ${categoryLabel(code, locale)}`,
      tone: categoryTone(code),
    });
  }
  return badges;
}

export const WEIGHING_TONE: Record<WeighingStatus, Tone> = { N: "ok", T: "warn", O: "neutral", B: "neutral" };

export function weighingBadge(status: WeighingStatus | null, locale: Locale): Badge | null {
  return status ? { label: translate(locale, `weighing.${status}`), tone: WEIGHING_TONE[status] } : null;
}

/** KMS status, oedema and implausibility of one measurement (the categories are shown beside their z). */
export function measurementStatusBadges(m: MeasurementView, locale: Locale): Badge[] {
  const weighing = weighingBadge(m.weighing, locale);
  return [...(weighing ? [weighing] : []), ...markBadges(m, locale)];
}

/** Oedema and implausibility marks of one measurement. */
export function markBadges(m: Pick<MeasurementView, "oedema" | "flags">, locale: Locale): Badge[] {
  const badges: Badge[] = [];
  if (m.oedema) badges.push({ label: translate(locale, "badge.oedema"), tone: "danger" });
  if (m.flags.length > 0) badges.push({ label: translate(locale, "badge.flagged"), tone: "info" });
  return badges;
}

/** Alerts in order of urgency, each with its tone. */
export const ALERTS: readonly { alert: ChildAlert; tone: Tone }[] = [
  { alert: "2T", tone: "danger" },
  { alert: "severe_wasting", tone: "danger" },
  { alert: "wasting", tone: "warn" },
  { alert: "severe_stunting", tone: "danger" },
  { alert: "stunting", tone: "warn" },
  { alert: "underweight", tone: "warn" },
  { alert: "implausible", tone: "info" },
];

export function alertBadges(alerts: readonly ChildAlert[], locale: Locale): Badge[] {
  return ALERTS.filter((a) => alerts.includes(a.alert)).map((a) => ({
    label: translate(locale, `alert.${a.alert}` as MessageKey),
    tone: a.tone,
  }));
}

/**
 * Badges for a row of a list: what needs attention at the latest measurement (abnormal categories,
 * T, implausible), plus 2T when the row comes from the 2T list. Normal children get none.
 */
export function rowBadges(
  row: Pick<ChildListRow, "latest">,
  locale: Locale,
  options: { twoT?: boolean } = {},
): Badge[] {
  const badges: Badge[] = [];
  if (options.twoT) badges.push({ label: translate(locale, "alert.2T"), tone: "danger" });
  const m: MeasurementView | null = row.latest;
  if (!m) return badges;
  badges.push(...categoryBadges(m.categories, locale, true));
  if (m.weighing === "T" && !options.twoT)
    badges.push({ label: translate(locale, "weighing.T"), tone: "warn" });
  badges.push(...markBadges(m, locale));
  return badges;
}
