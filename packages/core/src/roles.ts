/**
 * Roles of the people who use Tumbuh, named after the actors of the regulations
 * (Paser Pasal 14–36, PALI Pasal 16–35). Every assignment pairs a role with a region scope.
 */
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

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** What a role may do, beyond reading inside its scope. Kept as data so a reviewer can read it in one place. */
export interface RolePowers {
  /** Read the append-only audit log (inside the scope). */
  readAudit: boolean;
  /** Create users and assignments (inside the scope). */
  manageUsers: boolean;
  /** Create dusun and posyandu under a desa (inside the scope). */
  manageLocalUnits: boolean;
  /** Any write at all; the read-only viewer has none. */
  write: boolean;
  /** Run the desa's planning cycle: stages, meetings, proposals, KPM and RDS (PALI Pasal 8–14, Paser Pasal 29–34). */
  planVillage: boolean;
  /** Review village plans (RKP Desa / kelurahan proposals): comment and approve (Paser Pasal 18 b). */
  reviewPlans: boolean;
  /**
   * Read a person's full NIK (UU 27/2022 on personal data: only who needs it). Those who register and
   * serve people, the desa government and the regency admin (who merges duplicates) do; the read-only
   * viewer and the regency, kecamatan and agency teams, who work with figures, get it masked.
   */
  readNik: boolean;
}

export const ROLE_POWERS: Record<Role, RolePowers> = {
  admin_kabupaten: {
    readAudit: true,
    manageUsers: true,
    manageLocalUnits: true,
    write: true,
    planVillage: true,
    reviewPlans: true,
    readNik: true,
  },
  tpps_kabupaten: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: false,
    write: true,
    planVillage: false,
    reviewPlans: true,
    readNik: false,
  },
  opd: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: false,
    write: true,
    planVillage: false,
    reviewPlans: false,
    readNik: false,
  },
  tpps_kecamatan: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: false,
    write: true,
    planVillage: false,
    reviewPlans: true,
    readNik: false,
  },
  pemerintah_desa: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: true,
    write: true,
    planVillage: true,
    reviewPlans: false,
    readNik: true,
  },
  kpm: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: true,
    write: true,
    planVillage: true,
    reviewPlans: false,
    readNik: true,
  },
  kader_posyandu: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: false,
    write: true,
    planVillage: false,
    reviewPlans: false,
    readNik: true,
  },
  bidan: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: false,
    write: true,
    planVillage: false,
    reviewPlans: false,
    readNik: true,
  },
  viewer: {
    readAudit: false,
    manageUsers: false,
    manageLocalUnits: false,
    write: false,
    planVillage: false,
    reviewPlans: false,
    readNik: false,
  },
};

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  admin_kabupaten: { id: "Admin Kabupaten", en: "Regency administrator" },
  tpps_kabupaten: { id: "TPPS Kabupaten", en: "Regency stunting team (TPPS)" },
  opd: { id: "Perangkat Daerah (OPD)", en: "Regency agency (OPD)" },
  tpps_kecamatan: { id: "TPPS Kecamatan", en: "Sub-district stunting team (TPPS)" },
  pemerintah_desa: { id: "Pemerintah Desa/Kelurahan", en: "Village government" },
  kpm: { id: "KPM (Kader Pembangunan Manusia)", en: "Human development cadre (KPM)" },
  kader_posyandu: { id: "Kader Posyandu", en: "Posyandu cadre" },
  bidan: { id: "Bidan Desa", en: "Village midwife" },
  viewer: { id: "Peninjau (hanya baca)", en: "Viewer (read-only)" },
};
