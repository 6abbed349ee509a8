// "What to do" after a measurement, as a cadre reads it at the posyandu table: refer now, refer,
// counsel, measure again, or all good. Pure, from the server's categories, KMS status and flags.
import type { ChildAlert, MeasurementView } from "@tumbuh/core";
import type { MessageKey } from "../../i18n/messages";
import type { Tone } from "../../kit/ui";

export interface Advice {
  key: MessageKey;
  tone: Tone;
}

/** MUAC cut-offs for children 6–59 months (WHO/UNICEF 2009; Kemenkes PP Gizi Buruk 2019). */
export const MUAC_SEVERE_CM = 11.5;
export const MUAC_MODERATE_CM = 12.5;

function band(code: string | null): string | null {
  return code ? code.slice(code.indexOf(".") + 1) : null;
}

export function adviceFor(m: MeasurementView, alerts: readonly ChildAlert[] = []): Advice[] {
  const out: Advice[] = [];
  const wasting = band(m.categories.bbtb ?? m.categories.imtu);
  const stunting = band(m.categories.tbu);
  const weight = band(m.categories.bbu);
  const muacAge = m.ageMonths !== null && m.ageMonths >= 6 && m.ageMonths < 60;
  const muac = muacAge ? m.muacCm : null;
  const twoT = alerts.includes("2T");

  if (m.oedema) out.push({ key: "advice.oedema", tone: "danger" });
  if (m.flags.length > 0) out.push({ key: "advice.implausible", tone: "info" });
  if (wasting === "gizi_buruk") out.push({ key: "advice.severeWasting", tone: "danger" });
  if (muac !== null && muac < MUAC_SEVERE_CM) out.push({ key: "advice.muacRed", tone: "danger" });
  if (twoT) out.push({ key: "advice.refer2T", tone: "danger" });
  if (wasting === "gizi_kurang") out.push({ key: "advice.wasting", tone: "warn" });
  if (stunting === "pendek" || stunting === "sangat_pendek")
    out.push({ key: "advice.stunting", tone: "warn" });
  if (muac !== null && muac >= MUAC_SEVERE_CM && muac < MUAC_MODERATE_CM) {
    out.push({ key: "advice.muacYellow", tone: "warn" });
  }
  if (weight === "kurang" || weight === "sangat_kurang")
    out.push({ key: "advice.underweight", tone: "warn" });
  if (m.weighing === "T" && !twoT) out.push({ key: "advice.notRising", tone: "warn" });
  if (
    wasting === "berisiko_gizi_lebih" ||
    wasting === "gizi_lebih" ||
    wasting === "obesitas" ||
    weight === "risiko_lebih"
  ) {
    out.push({ key: "advice.overweight", tone: "info" });
  }
  if (out.length === 0) out.push({ key: "advice.good", tone: "ok" });
  return out;
}
