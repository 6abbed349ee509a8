/**
 * Family data are refreshed every semester (6 months; BKKBN Verval KRS runs per semester): S1 = January–June,
 * S2 = July–December, written "2026-S1".
 */
export type Semester = `${number}-S${1 | 2}`;

export function semesterOf(date: string): Semester {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}-S${month <= 6 ? 1 : 2}` as Semester;
}

export function semesterRange(s: string): { from: string; to: string } {
  const m = /^(\d{4})-S([12])$/.exec(s);
  if (!m) throw new Error(`not a semester: ${s}`);
  return m[2] === "1"
    ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` }
    : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
}

export function isSemester(s: string): boolean {
  return /^\d{4}-S[12]$/.test(s);
}
