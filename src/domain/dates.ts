/** Calendar dates as the app stores and shows them: YYYY-MM-DD, in UTC. The one date check. */

/** The shape of a stored date; says nothing about whether the day exists. */
export const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a YYYY-MM-DD that is a real day (not 2027-02-31, not 2027-2-3). */
export function isCalendarDate(date: string): boolean {
  if (!ISO_DATE_SHAPE.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** The day of `date` in UTC as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` (YYYY-MM-DD) moved by a whole number of days (a fraction is rounded). */
export function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00.000Z`) + Math.round(days) * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}
