// Dates as Indonesian documents print them ("22 November 2026", "Minggu, 22 November 2026").
import { MONTH_NAMES } from "@tumbuh/core";
import { dateIn } from "./words";

const MONTHS = MONTH_NAMES.id;
const DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** "2026-11-22" → "22 November 2026". */
export function tanggal(iso: string): string {
  return dateIn("id", iso);
}

/** "2026-11-22" → "Minggu, 22 November 2026". */
export function hariTanggal(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return `${DAYS[day]}, ${tanggal(iso)}`;
}

/** "2026-11" → "November 2026". */
export function bulanTahun(period: string): string {
  return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}
