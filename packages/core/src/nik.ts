import { isIsoDate } from "./dates";

/**
 * Nomor Induk Kependudukan (UU 24/2013 Administrasi Kependudukan; Permendagri 72/2019 on its structure):
 * 16 digits = 6 digits of the kecamatan where it was issued (PPKKCC) + birth date DDMMYY, with 40 added
 * to DD for women + 4 digits of serial number.
 * A malformed NIK is an error; a NIK that disagrees with the entered birth date or sex is only a warning
 * (people move, and data entry errors exist on both sides — a person decides).
 */
export interface NikCheck {
  error: string | null;
  warnings: string[];
  /** The kecamatan code the NIK names, dotted (`64.01.05`). */
  kecamatanCode: string | null;
}

export function checkNik(
  nik: string,
  person: { birthDate?: string | null; sex?: 1 | 2 | null },
  isKecamatan: (code: string) => boolean,
): NikCheck {
  if (!/^\d{16}$/.test(nik))
    return { error: "NIK must be exactly 16 digits", warnings: [], kecamatanCode: null };
  const kec = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  if (!isKecamatan(kec)) {
    return {
      error: `NIK digits 1–6 (${nik.slice(0, 6)}) are not a kecamatan code`,
      warnings: [],
      kecamatanCode: null,
    };
  }
  const dd = Number(nik.slice(6, 8));
  const mm = nik.slice(8, 10);
  const yy = nik.slice(10, 12);
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (day < 1 || day > 31 || Number(mm) < 1 || Number(mm) > 12) {
    return {
      error: "NIK digits 7–12 are not a birth date (DDMMYY, day + 40 for women)",
      warnings: [],
      kecamatanCode: null,
    };
  }
  if (nik.slice(12) === "0000")
    return { error: "NIK serial number (digits 13–16) cannot be 0000", warnings: [], kecamatanCode: null };
  const warnings: string[] = [];
  if (person.sex && (person.sex === 2) !== female) {
    warnings.push(
      `NIK says ${female ? "female" : "male"} but the sex entered is ${person.sex === 2 ? "female" : "male"}`,
    );
  }
  if (person.birthDate && isIsoDate(person.birthDate)) {
    const [y, m, d] = person.birthDate.split("-");
    if (y?.slice(2) !== yy || m !== mm || Number(d) !== day) {
      warnings.push(
        `NIK birth date ${String(day).padStart(2, "0")}-${mm}-${yy} differs from the birth date entered ${d}-${m}-${y?.slice(2)}`,
      );
    }
  }
  return { error: null, warnings, kecamatanCode: kec };
}

/** Only the last 4 digits: lists need to tell people apart, not to carry their NIK (UU 27/2022). */
export function maskNik(nik: string | null): string | null {
  return nik === null ? null : `************${nik.slice(-4)}`;
}
