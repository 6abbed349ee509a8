import { z } from "zod";
import type { IndicatorDef } from "./catalog-schema";
import { TRAFFIC_LIGHTS, trafficLight } from "./traffic-light";
import { type Interval, wilsonInterval } from "./wilson";

/** A figure as computed (numerator/denominator) or entered (value, or numerator/denominator). */
export interface Figure {
  numerator: number | null;
  denominator: number | null;
  /** Entered values without a fraction carry the value itself. */
  value: number | null;
}

/** A 95% interval in percent (Wilson, see wilson.ts), as the dashboards send it. */
export const IntervalSchema = z.object({ lower: z.number(), upper: z.number() });

export const AchievementSchema = z.object({
  /** The figure in the target's unit: percent for a fraction (100 × num ÷ den), else the entered value. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  direction: z.enum(["up", "down"]),
  /**
   * How far the target is reached, 1 = exactly: value ÷ target when higher is better, target ÷ value when
   * lower is better (prevalence); null without a value or a numeric target.
   */
  ratio: z.number().nullable(),
  status: z.enum(TRAFFIC_LIGHTS),
  /** 95% Wilson interval in percent, for fractions only. */
  ci: IntervalSchema.nullable(),
});
export type Achievement = z.infer<typeof AchievementSchema>;

/** Achievement of one indicator's figure against its catalog target. */
export function achievement(def: Pick<IndicatorDef, "target">, figure: Figure): Achievement {
  const { numerator, denominator } = figure;
  const fraction = numerator !== null && denominator !== null;
  let value: number | null;
  let ci: Interval | null = null;
  if (fraction) {
    value = denominator > 0 ? (100 * numerator) / denominator : null;
    const w = wilsonInterval(numerator, denominator);
    ci = w && { lower: 100 * w.lower, upper: 100 * w.upper };
  } else {
    value = figure.value;
  }
  const target = def.target.value;
  const direction = def.target.direction;
  let ratio: number | null = null;
  if (value !== null && target !== null) {
    if (direction === "up") ratio = target === 0 ? null : value / target;
    else ratio = value === 0 ? null : target / value;
  }
  return {
    value,
    numerator: fraction ? numerator : null,
    denominator: fraction ? denominator : null,
    target,
    direction,
    ratio,
    status: trafficLight(value, target, direction),
    ci,
  };
}
