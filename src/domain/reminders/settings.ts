import { z } from "zod";

/**
 * A channel's reminder settings (`/intplan settings`): what intplan sends on its own, when, and where. Stored
 * as one JSON value per project and read through `parseReminderSettings`, so a stored value from an older
 * release (a field missing) reads with today's defaults and a damaged one reads as the defaults, never as
 * an error at send time.
 */

/** Days of the week as `Date.getUTCDay()` numbers them: 0 Sunday … 6 Saturday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  0: "Sunday",
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
};

/** A wall-clock time, "HH:MM" on a 24-hour clock. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = z.string().regex(CLOCK_TIME);
const weekday = z.number().int().min(0).max(6) as unknown as z.ZodType<Weekday>;

/** Where nudges go: a DM to the person who owns the item, or a thread under the channel's status board. */
export const NUDGE_DESTINATIONS = ["dm", "board-thread"] as const;
export type NudgeDestination = (typeof NUDGE_DESTINATIONS)[number];

/** The limits a threshold may take, as the settings modal offers them. */
export const THRESHOLD_LIMITS = { minWorkingDays: 1, maxWorkingDays: 30 } as const;
const workingDays = z
  .number()
  .int()
  .min(THRESHOLD_LIMITS.minWorkingDays)
  .max(THRESHOLD_LIMITS.maxWorkingDays);

export const reminderSettingsSchema = z.object({
  /** The one switch: off, intplan sends nothing on its own in this channel (no nudge, no digest). */
  enabled: z.boolean().default(true),
  /** A blocker still open this many working days after it was logged → its owner (the channel without one). */
  blocker: z
    .object({ on: z.boolean(), afterWorkingDays: workingDays })
    .default({ on: true, afterWorkingDays: 3 }),
  /** A phase still open this many working days past its planned end → its owner. */
  phase: z
    .object({ on: z.boolean(), afterWorkingDays: workingDays })
    .default({ on: true, afterWorkingDays: 1 }),
  /** An ask (`/intplan ask`) still unanswered this many working days after it was sent → the person asked. */
  ask: z
    .object({ on: z.boolean(), afterWorkingDays: workingDays })
    .default({ on: true, afterWorkingDays: 2 }),
  /** Days before the target go-live when the channel hears what is still open. */
  goLive: z
    .object({ on: z.boolean(), daysBefore: z.array(z.number().int().min(1).max(60)).max(5) })
    .default({ on: true, daysBefore: [14, 7, 1] }),
  /** The weekly digest in the channel. */
  digest: z
    .object({ on: z.boolean(), weekday, time: clockTime })
    .default({ on: true, weekday: 1, time: "09:00" }),
  /** The days people work; nudges wait for one, and working-day thresholds count only these. */
  workingDays: z.array(weekday).min(1).max(7).default([1, 2, 3, 4, 5]),
  /** No nudge is sent between `start` and `end` (overnight when `start` is later than `end`); null: none. */
  quietHours: z
    .object({ start: clockTime, end: clockTime })
    .nullable()
    .default({ start: "18:00", end: "09:00" }),
  /** An IANA time zone; null: the project manager's, from their Slack profile (else the creator's, else UTC). */
  timeZone: z.string().nullable().default(null),
  destination: z.enum(NUDGE_DESTINATIONS).default("dm"),
});

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = reminderSettingsSchema.parse({});

/** True when `zone` is a time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is stored, read as settings: missing fields take the defaults, and a value that does not parse (hand
 * edited, from a future release) is the defaults as a whole. Working days come back sorted, without repeats.
 */
export function parseReminderSettings(stored: unknown): ReminderSettings {
  const parsed = reminderSettingsSchema.safeParse(stored ?? {});
  const settings = parsed.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
  return {
    ...settings,
    workingDays: [...new Set(settings.workingDays)].sort((a, b) => a - b),
    goLive: {
      ...settings.goLive,
      daysBefore: [...new Set(settings.goLive.daysBefore)].sort((a, b) => b - a),
    },
    timeZone: settings.timeZone && isTimeZone(settings.timeZone) ? settings.timeZone : null,
  };
}
