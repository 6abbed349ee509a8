import { isIsoDate } from "./dates";
import type { ReasonOf } from "./import-reasons";

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
  /** The same findings as codes (import-reasons.ts), for reports a user reads in their language. */
  reasons: { error: ReasonOf | null; warnings: ReasonOf[] };
}

const refused = (error: string, reason: ReasonOf): NikCheck => ({
  error,
  warnings: [],
  kecamatanCode: null,
  reasons: { error: reason, warnings: [] },
});

export function checkNik(
  nik: string,
  person: { birthDate?: string | null; sex?: 1 | 2 | null },
  isKecamatan: (code: string) => boolean,
): NikCheck {
  if (!/^\d{16}$/.test(nik))
    return refused("NIK must be exactly 16 digits", { code: "nik_digits", params: {} });
  const kec = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  if (!isKecamatan(kec)) {
    return refused(`NIK digits 1–6 (${nik.slice(0, 6)}) are not a kecamatan code`, {
      code: "nik_kecamatan",
      params: { digits: nik.slice(0, 6) },
    });
  }
  const dd = Number(nik.slice(6, 8));
  const mm = nik.slice(8, 10);
  const yy = nik.slice(10, 12);
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (day < 1 || day > 31 || Number(mm) < 1 || Number(mm) > 12) {
    return refused("NIK digits 7–12 are not a birth date (DDMMYY, day + 40 for women)", {
      code: "nik_birth_digits",
      params: {},
    });
  }
  if (nik.slice(12) === "0000")
    return refused("NIK serial number (digits 13–16) cannot be 0000", { code: "nik_serial", params: {} });
  const warnings: string[] = [];
  const reasons: ReasonOf[] = [];
  if (person.sex && (person.sex === 2) !== female) {
    warnings.push(
      `NIK says ${female ? "female" : "male"} but the sex entered is ${person.sex === 2 ? "female" : "male"}`,
    );
    reasons.push({ code: female ? "nik_says_female" : "nik_says_male", params: {} });
  }
  if (person.birthDate && isIsoDate(person.birthDate)) {
    const [y, m, d] = person.birthDate.split("-");
    if (y?.slice(2) !== yy || m !== mm || Number(d) !== day) {
      const fromNik = `${String(day).padStart(2, "0")}-${mm}-${yy}`;
      const entered = `${d}-${m}-${y?.slice(2)}`;
      warnings.push(`NIK birth date ${fromNik} differs from the birth date entered ${entered}`);
      reasons.push({ code: "nik_birth_mismatch", params: { nik: fromNik, entered } });
    }
  }
  return { error: null, warnings, kecamatanCode: kec, reasons: { error: null, warnings: reasons } };
}

/** Only the last 4 digits: lists need to tell people apart, not to carry their NIK (UU 27/2022). */
export function maskNik(nik: string | null): string | null {
  return nik === null ? null : `************${nik.slice(-4)}`;
}
