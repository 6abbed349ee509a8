/** What a command says of a --period that is not a month, quarter, semester or year (core `isPeriod`). */
export function badPeriodMessage(period: string): string {
  return `--period: must be a month YYYY-MM, a quarter YYYY-Qn, a semester YYYY-Sn or a year YYYY (got "${period}")`;
}
