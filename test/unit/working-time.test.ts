/**
 * Time as the channel lives it: working days, quiet hours and the project's time zone, daylight saving
 * included (the runtime's own zone data).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, parseReminderSettings } from "../../src/domain/reminders/settings.js";
import {
  addWorkingDays,
  instantAt,
  isSendable,
  nextSendable,
  nextWeeklyAt,
  previousWeeklyAt,
  zonedTime,
} from "../../src/domain/reminders/working-time.js";

const settings = DEFAULT_REMINDER_SETTINGS;
const at = (iso: string) => new Date(iso);

describe("working time", () => {
  it("reads an instant as the wall clock of a zone shows it", () => {
    // 2026-12-04 is a Friday; 23:30 UTC is already Saturday in Berlin.
    expect(zonedTime(at("2026-12-04T23:30:00Z"), "UTC")).toEqual({
      date: "2026-12-04",
      weekday: 5,
      minutes: 23 * 60 + 30,
    });
    expect(zonedTime(at("2026-12-04T23:30:00Z"), "Europe/Berlin")).toEqual({
      date: "2026-12-05",
      weekday: 6,
      minutes: 30,
    });
  });

  it("finds the instant of a local time, across daylight saving", () => {
    expect(instantAt("2026-12-07", 9 * 60, "America/New_York").toISOString()).toBe(
      "2026-12-07T14:00:00.000Z",
    );
    expect(instantAt("2026-07-06", 9 * 60, "America/New_York").toISOString()).toBe(
      "2026-07-06T13:00:00.000Z",
    );
    // 02:30 does not exist on 2026-03-08 in New York (clocks jump from 02:00 to 03:00).
    const skipped = instantAt("2026-03-08", 2 * 60 + 30, "America/New_York");
    expect(zonedTime(skipped, "America/New_York").minutes).toBeGreaterThanOrEqual(3 * 60);
  });

  it("counts working days: three after a Friday afternoon is Wednesday afternoon", () => {
    const friday = at("2026-12-04T15:00:00Z");
    expect(addWorkingDays(friday, 3, settings, "UTC").toISOString()).toBe("2026-12-09T15:00:00.000Z");
    // Logged on a Saturday: Monday, Tuesday, Wednesday.
    expect(addWorkingDays(at("2026-12-05T10:00:00Z"), 3, settings, "UTC").toISOString()).toBe(
      "2026-12-09T10:00:00.000Z",
    );
    // A team that works Sunday to Thursday.
    const sundayToThursday = parseReminderSettings({ workingDays: [0, 1, 2, 3, 4] });
    expect(addWorkingDays(friday, 1, sundayToThursday, "UTC").toISOString()).toBe("2026-12-06T15:00:00.000Z");
  });

  it("keeps quiet hours and weekends: a nudge due at 20:00 on Friday waits for Monday 09:00", () => {
    expect(isSendable(at("2026-12-04T10:00:00Z"), settings, "UTC")).toBe(true);
    expect(isSendable(at("2026-12-04T20:00:00Z"), settings, "UTC")).toBe(false);
    expect(nextSendable(at("2026-12-04T20:00:00Z"), settings, "UTC").toISOString()).toBe(
      "2026-12-07T09:00:00.000Z",
    );
    // Early on a working day: the same day, when the quiet hours end.
    expect(nextSendable(at("2026-12-08T06:00:00Z"), settings, "UTC").toISOString()).toBe(
      "2026-12-08T09:00:00.000Z",
    );
    // In the team's zone: 09:00 in Tokyo is 00:00 UTC.
    expect(nextSendable(at("2026-12-04T20:00:00Z"), settings, "Asia/Tokyo").toISOString()).toBe(
      "2026-12-07T00:00:00.000Z",
    );
    // No quiet hours: only the weekend waits, to the start of Monday.
    const noQuiet = parseReminderSettings({ quietHours: null });
    expect(nextSendable(at("2026-12-05T12:00:00Z"), noQuiet, "UTC").toISOString()).toBe(
      "2026-12-07T00:00:00.000Z",
    );
    // Quiet hours within one day (12:00 to 13:00): lunch waits until 13:00.
    const lunch = parseReminderSettings({ quietHours: { start: "12:00", end: "13:00" } });
    expect(nextSendable(at("2026-12-08T12:15:00Z"), lunch, "UTC").toISOString()).toBe(
      "2026-12-08T13:00:00.000Z",
    );
  });

  it("finds the weekly slot: Monday 09:00 in the PM's zone", () => {
    const sunday = at("2026-11-22T10:00:00Z");
    expect(nextWeeklyAt(sunday, 1, "09:00", "UTC").toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(nextWeeklyAt(sunday, 1, "09:00", "America/Los_Angeles").toISOString()).toBe(
      "2026-11-23T17:00:00.000Z",
    );
    // Exactly at the slot: the next one is a week later, and the one just passed is this one.
    const slot = at("2026-11-23T09:00:00Z");
    expect(nextWeeklyAt(slot, 1, "09:00", "UTC").toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(previousWeeklyAt(slot, 1, "09:00", "UTC").toISOString()).toBe(slot.toISOString());
  });

  it("reads stored settings forgivingly: missing fields are defaults, a damaged value is the defaults", () => {
    expect(parseReminderSettings(undefined)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(parseReminderSettings({ blocker: { on: false, afterWorkingDays: 5 } }).blocker).toEqual({
      on: false,
      afterWorkingDays: 5,
    });
    expect(parseReminderSettings({ digest: { on: true, weekday: 9, time: "25:00" } })).toEqual(
      DEFAULT_REMINDER_SETTINGS,
    );
    expect(parseReminderSettings({ timeZone: "Mars/Olympus" }).timeZone).toBeNull();
    expect(parseReminderSettings({ workingDays: [5, 1, 1, 3] }).workingDays).toEqual([1, 3, 5]);
  });
});
