/**
 * Time as people in a channel live it: wall-clock time in the project's time zone, working days and quiet
 * hours (settings.ts). Pure: every function takes the instant it reasons about; nothing reads a clock. Zoned
 * time is the runtime's own (Intl, with its time-zone database), so daylight saving is Intl's, not ours.
 */
import { addDays } from "../dates.js";
import type { ReminderSettings, Weekday } from "./settings.js";

export interface ZonedTime {
  /** The local calendar day, YYYY-MM-DD. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

type WorkingTime = Pick<ReminderSettings, "workingDays" | "quietHours">;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** `instant` as the wall clock in `timeZone` shows it. */
export function zonedTime(instant: Date, timeZone: string): ZonedTime {
  const local = wallClock(instant, timeZone);
  return {
    date: local.date,
    weekday: new Date(`${local.date}T00:00:00Z`).getUTCDay() as Weekday,
    minutes: local.hour * 60 + local.minute,
  };
}

/** The local calendar day of `instant` in `timeZone`, YYYY-MM-DD. */
export const localDate = (instant: Date, timeZone: string): string => zonedTime(instant, timeZone).date;

/** Minutes since midnight of an "HH:MM". */
export const minutesOf = (clock: string): number => {
  const [h = "0", m = "0"] = clock.split(":");
  return Number(h) * 60 + Number(m);
};

/**
 * The instant the wall clock in `timeZone` shows `date` at `minutes` past midnight. A time skipped by a
 * daylight-saving change reads as the instant just after the gap; a repeated one as its first occurrence.
 */
export function instantAt(date: string, minutes: number, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00.000Z`) + minutes * 60_000;
  // The zone's offset at a guess, corrected once more for a guess that crossed a change of offset.
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const shown = wallClock(new Date(guess), timeZone);
    const shownAsUtc =
      Date.parse(`${shown.date}T00:00:00.000Z`) +
      (shown.hour * 60 + shown.minute) * 60_000 +
      shown.second * 1000;
    const drift = shownAsUtc - asUtc;
    if (drift === 0) return new Date(guess);
    guess -= drift;
  }
  return new Date(guess);
}

export const isWorkingDay = (weekday: Weekday, settings: Pick<ReminderSettings, "workingDays">): boolean =>
  settings.workingDays.includes(weekday);

/** True when `minutes` past local midnight falls in the quiet hours (overnight when start is after end). */
export function isQuiet(minutes: number, quietHours: ReminderSettings["quietHours"]): boolean {
  if (!quietHours) return false;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** True when a nudge may be sent at `instant`: a working day, outside the quiet hours. */
export function isSendable(instant: Date, settings: WorkingTime, timeZone: string): boolean {
  const local = zonedTime(instant, timeZone);
  return isWorkingDay(local.weekday, settings) && !isQuiet(local.minutes, settings.quietHours);
}

/**
 * The first instant at or after `instant` when a nudge may be sent: `instant` itself when it is sendable,
 * else the end of the quiet hours (or the start of the day, with none) on the next working day it reaches.
 */
export function nextSendable(instant: Date, settings: WorkingTime, timeZone: string): Date {
  let at = instant;
  for (let step = 0; step < 30; step++) {
    if (isSendable(at, settings, timeZone)) return at;
    const local = zonedTime(at, timeZone);
    const end = settings.quietHours ? minutesOf(settings.quietHours.end) : 0;
    const workingToday = isWorkingDay(local.weekday, settings);
    // Quiet now, and the quiet hours end later today: wait for their end. Otherwise the next day's start.
    const next =
      workingToday && local.minutes < end
        ? instantAt(local.date, end, timeZone)
        : instantAt(addDays(local.date, 1), end, timeZone);
    at = next.getTime() > at.getTime() ? next : new Date(at.getTime() + 60 * 60_000);
  }
  return at;
}

/**
 * `count` working days after `instant`, at the same local time of day: logged on a Friday afternoon, three
 * working days later is Wednesday afternoon (with Monday to Friday working). Days that are not working days
 * are skipped, whichever day `instant` itself is.
 */
export function addWorkingDays(
  instant: Date,
  count: number,
  settings: Pick<ReminderSettings, "workingDays">,
  timeZone: string,
): Date {
  const local = zonedTime(instant, timeZone);
  let date = local.date;
  let left = Math.max(0, Math.round(count));
  for (let guard = 0; left > 0 && guard < 400; guard++) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() as Weekday;
    if (isWorkingDay(weekday, settings)) left -= 1;
  }
  return instantAt(date, local.minutes, timeZone);
}

/** The first instant strictly after `after` when the wall clock in `timeZone` shows `weekday` at `time`. */
export function nextWeeklyAt(after: Date, weekday: Weekday, time: string, timeZone: string): Date {
  const local = zonedTime(after, timeZone);
  const minutes = minutesOf(time);
  for (let days = 0; days <= 7; days++) {
    const date = addDays(local.date, days);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday) continue;
    const at = instantAt(date, minutes, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  return instantAt(addDays(local.date, 7), minutes, timeZone);
}

/** The last instant at or before `at` when the wall clock shows `weekday` at `time` (the slot just passed). */
export function previousWeeklyAt(at: Date, weekday: Weekday, time: string, timeZone: string): Date {
  const next = nextWeeklyAt(at, weekday, time, timeZone);
  const local = zonedTime(next, timeZone);
  return instantAt(addDays(local.date, -7), minutesOf(time), timeZone);
}
