import { childComputation } from "./types";

/**
 * Balita weighed in the period ÷ balita registered (posyandu D/S; Paser Pasal 7 f "partisipasi masyarakat di
 * Posyandu", annex A.a.7 "balita yang dipantau pertumbuhan dan perkembangannya").
 */
export const measurementCoverage = childComputation(
  "measurement_coverage",
  "balita ditimbang ÷ balita terdaftar (D/S)",
  (r) => [r.measured, r.registered],
);
