/**
 * The one clock of the server, the PWA and the CLI: code asks it for the time instead of calling
 * `new Date()`, so that a test can fix the day (`setClock`) and everything that reads "today" agrees.
 */
let read: () => Date = () => new Date();

/** This instant as an ISO timestamp in UTC (what records store as created/updated). */
export function nowIso(): string {
  return read().toISOString();
}

/**
 * Today's calendar date, `YYYY-MM-DD`, where the code runs: on a phone its own day, not UTC's (a cadre in
 * WITA at 07:00 is already on the new day); on the server the day of its time zone (TZ).
 */
export function todayIso(at: Date = read()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Fixes the clock to an instant (a Date or ISO text) or makes it read from a function; for tests. */
export function setClock(at: Date | string | (() => Date)): void {
  if (typeof at === "function") read = at;
  else {
    const fixed = new Date(at);
    read = () => new Date(fixed);
  }
}

/** Puts the real clock back. */
export function resetClock(): void {
  read = () => new Date();
}
