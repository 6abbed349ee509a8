// Wire types of the HTTP API (base path /api). They mirror the server's contract; when
// @tumbuh/core exports the shared zod schemas these can become `z.infer<...>` of them.

export const ROLES = [
  "admin_kabupaten",
  "tpps_kabupaten",
  "opd",
  "tpps_kecamatan",
  "pemerintah_desa",
  "kpm",
  "kader_posyandu",
  "bidan",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const LEVELS = ["provinsi", "kabupaten", "kecamatan", "desa", "dusun", "posyandu"] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = [
  "provinsi",
  "kab",
  "kota",
  "kecamatan",
  "desa",
  "kelurahan",
  "desa_adat",
  "dusun",
  "posyandu",
] as const;
export type Kind = (typeof KINDS)[number];

export interface Assignment {
  role: Role;
  /** Region code the role applies to (a prefix of every region the user may see). */
  scope: string;
  scopeName: string;
  scopeLevel: Level;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  assignments: Assignment[];
}

export interface Region {
  code: string;
  name: string;
  level: Level;
  kind: Kind;
  parentCode: string | null;
}

export interface Ancestor {
  code: string;
  name: string;
  level: Level;
  kind: Kind;
  /** Whether the caller may open this ancestor (it lies inside one of their scopes). */
  visible: boolean;
}

export interface RegionChild extends Region {
  childCount: number;
}

export interface RegionView {
  region: Region;
  /** Root first, excluding the region itself. */
  ancestors: Ancestor[];
  children: RegionChild[];
}

export interface AuditEntry {
  id: string;
  /** ISO 8601 timestamp. */
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: string | null;
}

/** Body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
