import type { AssessmentsTables } from "../features/assessments/schema";
import type { AuditTables } from "../features/audit/schema";
import type { AuthTables } from "../features/auth/schema";
import type { AwardsTables } from "../features/awards/schema";
import type { CaseAuditsTables } from "../features/case-audits/schema";
import type { CatinTables } from "../features/catin/schema";
import type { DuplicatesTables } from "../features/duplicates/schema";
import type { FamiliesTables } from "../features/families/schema";
import type { HouseholdsTables } from "../features/households/schema";
import type { ImportsTables } from "../features/imports/schema";
import type { IndicatorCatalogTables } from "../features/indicator-catalog/schema";
import type { IndicatorsTables } from "../features/indicators/schema";
import type { JobsTables } from "../features/jobs/schema";
import type { MeasurementsTables } from "../features/measurements/schema";
import type { PersonsTables } from "../features/persons/schema";
import type { PlanningTables } from "../features/planning/schema";
import type { PregnanciesTables } from "../features/pregnancies/schema";
import type { RegionsTables } from "../features/regions/schema";
import type { ReportsTables } from "../features/reports/schema";
import type { ServicesTables } from "../features/services/schema";
import type { TikaTables } from "../features/tika/schema";
import type { TokensTables } from "../features/tokens/schema";
import type { TpkTables } from "../features/tpk/schema";
import type { UsersTables } from "../features/users/schema";
import type { SyncTables } from "../sync/schema";

// Each feature's row types, for code that names a row type (bench, demo).
export type * from "../features/audit/schema";
export type * from "../features/auth/schema";
export type * from "../features/case-audits/schema";
export type * from "../features/catin/schema";
export type * from "../features/duplicates/schema";
export type * from "../features/families/schema";
export type * from "../features/households/schema";
export type * from "../features/imports/schema";
export type * from "../features/indicator-catalog/schema";
export type * from "../features/indicators/schema";
export type * from "../features/jobs/schema";
export type * from "../features/measurements/schema";
export type * from "../features/persons/schema";
export type * from "../features/planning/schema";
export type * from "../features/pregnancies/schema";
export type * from "../features/regions/schema";
export type * from "../features/services/schema";
export type * from "../features/tika/schema";
export type * from "../features/tokens/schema";
export type * from "../features/tpk/schema";
export type * from "../features/users/schema";
export type * from "../sync/schema";

/**
 * Table types as Kysely sees them. Both dialects store the same shapes: timestamps and dates as ISO-8601
 * text in UTC (sortable, identical on SQLite and PostgreSQL), JSON as text, booleans as 0/1 integers.
 */
export interface Database
  extends RegionsTables,
    UsersTables,
    AuthTables,
    AuditTables,
    HouseholdsTables,
    PersonsTables,
    PregnanciesTables,
    MeasurementsTables,
    ImportsTables,
    DuplicatesTables,
    IndicatorCatalogTables,
    IndicatorsTables,
    SyncTables,
    ServicesTables,
    FamiliesTables,
    CatinTables,
    TpkTables,
    CaseAuditsTables,
    PlanningTables,
    JobsTables,
    TokensTables,
    ReportsTables,
    AssessmentsTables,
    AwardsTables,
    TikaTables {}
