import { withinScopes } from "../../../db/scope-filter";
import { SERVICE_CODES } from "../service-aggregates";
import type { ComputationDef, DesaFraction } from "./types";

/**
 * A computation over the scorecard counts (indicator_desa_services, see ../service-aggregates): per desa
 * and month, targets scored "Y" ÷ targets scored "Y" or "T". A year period sums its months (target-months
 * for the monthly services; for immunisation, the year's cohort of infants turning one).
 */
function serviceComputation(name: string, code: string, describe: string): ComputationDef {
  return {
    name,
    describe,
    async fractions(ctx, region, periods) {
      const months = periods.filter((p) => p.length === 7);
      const years = periods.filter((p) => p.length === 4);
      if (months.length === 0 && years.length === 0) return [];
      const rows = await ctx.db
        .selectFrom("indicator_desa_services")
        .select(["desa_code", "period", "numerator", "denominator"])
        .where("code", "=", code)
        .where(withinScopes("desa_code", [region]))
        .where((eb) =>
          eb.or([
            ...(months.length ? [eb("period", "in", months)] : []),
            ...years.map((y) => eb("period", "like", `${y}-%`)),
          ]),
        )
        .execute();
      const out = new Map<string, DesaFraction>();
      const add = (desa: string, period: string, n: number, d: number) => {
        const key = `${desa}|${period}`;
        const f = out.get(key) ?? { desa, period, numerator: 0, denominator: 0 };
        f.numerator += n;
        f.denominator += d;
        out.set(key, f);
      };
      const wanted = new Set(months);
      for (const r of rows) {
        const n = Number(r.numerator);
        const d = Number(r.denominator);
        if (wanted.has(r.period)) add(r.desa_code, r.period, n, d);
        const y = r.period.slice(0, 4);
        if (years.includes(y)) add(r.desa_code, y, n, d);
      }
      return [...out.values()];
    },
  };
}

/** Paser Pasal 7 g; rule: core services/rules ancCell (Permenkes 97/2014 Pasal 13, BUKU KPM). */
export const ancToStandard = serviceComputation(
  "anc_to_standard",
  SERVICE_CODES.anc,
  "ibu hamil dengan pemeriksaan kehamilan sesuai standar (K1–K4 per trimester) ÷ ibu hamil yang sudah wajib periksa",
);

/** Paser Pasal 7 c; rule: core "bumil_konseling" (konseling gizi / kelas ibu hamil recorded in the month). */
export const pregnantCounselled = serviceComputation(
  "pregnant_counselled",
  SERVICE_CODES.counselling,
  "ibu hamil yang mengikuti konseling gizi/kelas ibu hamil bulan itu ÷ ibu hamil",
);

/** Paser Pasal 7 t; rule: core nifasCell (KF1 by day 2, KF2 by day 7, KF3 by day 28; Permenkes 21/2021). */
export const postpartumServices = serviceComputation(
  "postpartum_services",
  SERVICE_CODES.nifas,
  "ibu nifas dengan kunjungan nifas sesuai hari nifasnya ÷ ibu nifas yang sudah wajib dikunjungi",
);

/** Paser Pasal 7 i, annex A.a.9 target 90 %; rule: core immunisationCell at 11 completed months. */
export const completeBasicImmunisation = serviceComputation(
  "complete_basic_immunisation",
  SERVICE_CODES.idl,
  "bayi genap 11 bulan dengan seluruh antigen imunisasi dasar ÷ bayi genap 11 bulan",
);

/** Paser Pasal 7 p; rule: core "anak_pengasuhan" (parenting class / BKB attended in the month). */
export const parentingClass = serviceComputation(
  "parenting_class",
  SERVICE_CODES.parenting,
  "anak 0–23 bulan yang orang tuanya mengikuti kelas pengasuhan bulan itu ÷ anak 0–23 bulan",
);

/** Paser Pasal 7 q; rule: core "paud" (children 24–83 months attending PAUD in the month). */
export const paudEnrolment = serviceComputation(
  "paud_enrolment",
  SERVICE_CODES.paud,
  "anak 2–6 tahun yang mengikuti PAUD bulan itu ÷ anak 2–6 tahun",
);
