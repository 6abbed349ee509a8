import { sql } from "kysely";
import { withinScopes } from "../../../db/scope-filter";
import { RECORD_CODES } from "../record-aggregates";
import { SERVICE_CODES } from "../service-aggregates";
import type { ComputationDef, DesaFraction } from "./types";

/**
 * A computation over the per-desa counts of indicator_desa_services (see ../service-aggregates and
 * ../record-aggregates): numerator and denominator as stored there for each month and year, so a year is
 * whatever the rebuild defined for it (summed target-months, a cohort, family-semesters, a year-end state).
 */
function storedComputation(name: string, code: string, describe: string): ComputationDef {
  return {
    name,
    describe,
    async fractions(ctx, region, periods) {
      if (periods.length === 0) return [];
      const unit = sql<string>`substr(desa_code, 1, ${sql.lit(ctx.unitLength)})`;
      const rows = await ctx.db
        .selectFrom("indicator_desa_services")
        .select([
          unit.as("desa_code"),
          "period",
          sql<number>`sum(numerator)`.as("numerator"),
          sql<number>`sum(denominator)`.as("denominator"),
        ])
        .where("code", "=", code)
        .where(withinScopes("desa_code", [region]))
        .where("period", "in", [...periods])
        .groupBy([unit, "period"])
        .execute();
      return rows.map(
        (r): DesaFraction => ({
          desa: r.desa_code,
          period: r.period,
          numerator: Number(r.numerator),
          denominator: Number(r.denominator),
        }),
      );
    },
  };
}

/** Paser Pasal 7 g; rule: core services/rules ancCell (Permenkes 97/2014 Pasal 13, BUKU KPM). */
export const ancToStandard = storedComputation(
  "anc_to_standard",
  SERVICE_CODES.anc,
  "ibu hamil dengan pemeriksaan kehamilan sesuai standar (K1–K4 per trimester) ÷ ibu hamil yang sudah wajib periksa",
);

/** Paser Pasal 7 c; rule: core "bumil_konseling" (konseling gizi / kelas ibu hamil recorded in the month). */
export const pregnantCounselled = storedComputation(
  "pregnant_counselled",
  SERVICE_CODES.counselling,
  "ibu hamil yang mengikuti konseling gizi/kelas ibu hamil bulan itu ÷ ibu hamil",
);

/** Paser Pasal 7 t; rule: core nifasCell (KF1 by day 2, KF2 by day 7, KF3 by day 28; Permenkes 21/2021). */
export const postpartumServices = storedComputation(
  "postpartum_services",
  SERVICE_CODES.nifas,
  "ibu nifas dengan kunjungan nifas sesuai hari nifasnya ÷ ibu nifas yang sudah wajib dikunjungi",
);

/** Paser Pasal 7 i, annex A.a.9 target 90 %; rule: core immunisationCell at 11 completed months. */
export const completeBasicImmunisation = storedComputation(
  "complete_basic_immunisation",
  SERVICE_CODES.idl,
  "bayi genap 11 bulan dengan seluruh antigen imunisasi dasar ÷ bayi genap 11 bulan",
);

/** Paser Pasal 7 p; rule: core "anak_pengasuhan" (parenting class / BKB attended in the month). */
export const parentingClass = storedComputation(
  "parenting_class",
  SERVICE_CODES.parenting,
  "anak 0–23 bulan yang orang tuanya mengikuti kelas pengasuhan bulan itu ÷ anak 0–23 bulan",
);

/** Paser Pasal 7 q; rule: core "paud" (children 24–83 months attending PAUD in the month). */
export const paudEnrolment = storedComputation(
  "paud_enrolment",
  SERVICE_CODES.paud,
  "anak 2–6 tahun yang mengikuti PAUD bulan itu ÷ anak 2–6 tahun",
);

/** Annex A.b.7 and P3.b.1 (target 90 %): families at risk with ≥ 1 TPK visit this semester ÷ families at risk. */
export const familyAccompaniment = storedComputation(
  "family_accompaniment",
  RECORD_CODES.family,
  "keluarga berisiko stunting dengan ≥ 1 kunjungan TPK semester ini ÷ keluarga berisiko stunting (skrining semester)",
);

/** Annex P3.b.2 (target 90 %): core screenedInTime (screening ≤ marriage date − 3 months), Paser Pasal 13(1)a. */
export const catinScreenedInTime = storedComputation(
  "catin_screened_in_time",
  RECORD_CODES.catinInTime,
  "catin yang diperiksa ≥ 3 bulan sebelum menikah ÷ catin yang menikah pada periode itu",
);

/** Annex A.b.3 (target 90 %): catin with a health examination on or before the marriage date. */
export const catinExamined = storedComputation(
  "catin_examined",
  RECORD_CODES.catinExamined,
  "catin yang diperiksa kesehatannya sebelum menikah ÷ catin yang menikah pada periode itu",
);

/** Annex P5.a.8 (target 50 %, core AUDIT_TARGET_SHARE): stunted under-twos audited, Paser Pasal 13(5). */
export const caseAuditShare = storedComputation(
  "case_audit_share",
  RECORD_CODES.audit,
  "baduta stunting yang sudah diaudit ÷ baduta stunting (keadaan akhir bulan)",
);
