import {
  CLOCK_TIME,
  isTimeZone,
  NUDGE_DESTINATIONS,
  type NudgeDestination,
  parseReminderSettings,
  type ReminderSettings,
  reminderSettingsSchema,
  THRESHOLD_LIMITS,
  WEEKDAY_NAMES,
  type Weekday,
} from "./settings.js";

/**
 * The `/intplan settings` form in words the domain knows: what each field holds as Slack sends it (strings,
 * lists of picked values), read into settings with a reason per field when something is not right, and the
 * settings told back in plain words (the read-only view, the confirmation, the history).
 */

export const SETTINGS_FORM_FIELDS = [
  "enabled",
  "nudges",
  "blockerDays",
  "phaseDays",
  "askDays",
  "goLiveDays",
  "digestOn",
  "digestWeekday",
  "digestTime",
  "workingDays",
  "quietOn",
  "quietStart",
  "quietEnd",
  "timeZone",
  "destination",
] as const;
export type SettingsFormField = (typeof SETTINGS_FORM_FIELDS)[number];
export type SettingsForm = Partial<Record<SettingsFormField, string | string[] | null>>;
export type SettingsFormErrors = Partial<Record<SettingsFormField, string>>;

/** The nudge kinds with a working-day threshold, as the form's "nudges" checkboxes name them. */
export const THRESHOLD_KINDS = ["blocker", "phase", "ask"] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

/** The go-live notices the form offers (days before the target go-live). */
export const GO_LIVE_CHOICES = [14, 7, 3, 1] as const;

/** The master switch's two values. */
export const SWITCH = { on: "on", off: "off" } as const;

const one = (value: string | string[] | null | undefined): string | null => {
  if (Array.isArray(value)) return value[0] ?? null;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const many = (value: string | string[] | null | undefined): string[] =>
  Array.isArray(value) ? value : value ? [value] : [];

/** A time zone as this runtime spells it ("europe/berlin" → "Europe/Berlin"), or undefined. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!isTimeZone(zone)) return undefined;
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

const THRESHOLD_FIELD: Record<ThresholdKind, SettingsFormField> = {
  blocker: "blockerDays",
  phase: "phaseDays",
  ask: "askDays",
};

/**
 * Reads the submitted form into settings. A field left blank keeps what the channel has (a threshold of a
 * nudge turned off, the digest's time while it is off); what cannot be right is said on its field.
 */
export function readSettingsForm(
  form: SettingsForm,
  current: ReminderSettings,
): { ok: true; settings: ReminderSettings } | { ok: false; errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {};
  const enabled = one(form.enabled);
  const kindsOn = new Set(many(form.nudges));

  const threshold = (kind: ThresholdKind) => {
    const field = THRESHOLD_FIELD[kind];
    const text = one(form[field]);
    const on = kindsOn.has(kind);
    if (text === null) {
      if (on) errors[field] = "Say after how many working days (1 to 30).";
      return { on, afterWorkingDays: current[kind].afterWorkingDays };
    }
    const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(days >= THRESHOLD_LIMITS.minWorkingDays && days <= THRESHOLD_LIMITS.maxWorkingDays)) {
      errors[field] =
        `A whole number of working days from ${THRESHOLD_LIMITS.minWorkingDays} to ${THRESHOLD_LIMITS.maxWorkingDays}.`;
      return { on, afterWorkingDays: current[kind].afterWorkingDays };
    }
    return { on, afterWorkingDays: days };
  };

  const goLiveDays = [...new Set(many(form.goLiveDays).map(Number))].filter(
    (d) => Number.isInteger(d) && d >= 1 && d <= 60,
  );

  const digestOn = many(form.digestOn).includes(SWITCH.on);
  const weekdayText = one(form.digestWeekday);
  const weekday =
    weekdayText !== null && /^[0-6]$/.test(weekdayText) ? (Number(weekdayText) as Weekday) : null;
  if (digestOn && weekday === null) errors.digestWeekday = "Pick the day the digest is posted.";
  const digestTime = one(form.digestTime);
  if (digestTime !== null && !CLOCK_TIME.test(digestTime)) errors.digestTime = "Pick a time, like 09:00.";
  else if (digestOn && digestTime === null) errors.digestTime = "Pick the time the digest is posted.";

  const workingDays = [...new Set(many(form.workingDays))]
    .filter((d) => /^[0-6]$/.test(d))
    .map((d) => Number(d) as Weekday);
  if (workingDays.length === 0) errors.workingDays = "Pick at least one working day.";

  const quietOn = many(form.quietOn).includes(SWITCH.on);
  const quietStart = one(form.quietStart);
  const quietEnd = one(form.quietEnd);
  if (quietOn) {
    if (quietStart === null || !CLOCK_TIME.test(quietStart))
      errors.quietStart = "Pick when quiet hours start.";
    if (quietEnd === null || !CLOCK_TIME.test(quietEnd)) errors.quietEnd = "Pick when quiet hours end.";
    else if (quietStart === quietEnd)
      errors.quietEnd = "Quiet hours must end at another time than they start.";
  }

  const zoneText = one(form.timeZone);
  const zone = zoneText === null ? null : canonicalTimeZone(zoneText);
  if (zone === undefined)
    errors.timeZone =
      "Not a time zone I know: use a name like Europe/Berlin or America/New_York, or leave it blank for the project manager's.";

  const destinationText = one(form.destination);
  const destination = (NUDGE_DESTINATIONS as readonly string[]).includes(destinationText ?? "")
    ? (destinationText as NudgeDestination)
    : current.destination;

  const blocker = threshold("blocker");
  const phase = threshold("phase");
  const ask = threshold("ask");
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const candidate = {
    enabled: enabled === null ? current.enabled : enabled !== SWITCH.off,
    blocker,
    phase,
    ask,
    goLive: {
      on: goLiveDays.length > 0,
      daysBefore: goLiveDays.length > 0 ? goLiveDays : current.goLive.daysBefore,
    },
    digest: {
      on: digestOn,
      weekday: weekday ?? current.digest.weekday,
      time: digestTime ?? current.digest.time,
    },
    workingDays,
    quietHours: quietOn ? { start: quietStart as string, end: quietEnd as string } : null,
    timeZone: zone ?? null,
    destination,
  };
  return { ok: true, settings: parseReminderSettings(reminderSettingsSchema.parse(candidate)) };
}

/**
 * What is wrong with settings handed to be saved (whatever sent them), in words; none when they can be
 * saved. The schema's rules, and what it cannot say: a time zone this runtime knows, quiet hours that
 * last, working days at all.
 */
export function settingsProblems(input: unknown): { problems: string[]; settings?: ReminderSettings } {
  const parsed = reminderSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`) };
  }
  const problems: string[] = [];
  const s = parsed.data;
  if (s.timeZone !== null && !isTimeZone(s.timeZone))
    problems.push(`timeZone: ${s.timeZone} is not a time zone`);
  if (s.quietHours && s.quietHours.start === s.quietHours.end)
    problems.push("quietHours: they must end at another time than they start");
  return problems.length > 0 ? { problems } : { problems, settings: parseReminderSettings(s) };
}

/** Two settings that would behave the same (as stored, normalised). */
export const sameSettings = (a: ReminderSettings, b: ReminderSettings): boolean =>
  JSON.stringify(parseReminderSettings(a)) === JSON.stringify(parseReminderSettings(b));

// ---------------------------------------------------------------- in words

const SHORT_DAY: Readonly<Record<Weekday, string>> = {
  0: "Sun",
  1: "Mon",
  2: "Tue",
  3: "Wed",
  4: "Thu",
  5: "Fri",
  6: "Sat",
};
/** Monday first, as people list their week. */
export const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

const workingDaysText = (days: readonly Weekday[]) =>
  WEEK_ORDER.filter((d) => days.includes(d))
    .map((d) => SHORT_DAY[d])
    .join(", ");
const daysText = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;

export const DESTINATION_LABELS: Readonly<Record<NudgeDestination, string>> = {
  dm: "A DM to the person who owns the item",
  "board-thread": "A thread under the status board",
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One line per setting: its name and its value in words, in the form's order. */
export function describeSettings(s: ReminderSettings): { label: string; value: string }[] {
  return [
    {
      label: "Reminders",
      value: s.enabled ? "on" : "off (intplan sends nothing on its own in this channel)",
    },
    {
      label: "Blocker nudges",
      value: s.blocker.on ? `after ${daysText(s.blocker.afterWorkingDays)}` : "off",
    },
    {
      label: "Phase nudges",
      value: s.phase.on ? `${daysText(s.phase.afterWorkingDays)} past the planned end` : "off",
    },
    { label: "Unanswered-ask nudges", value: s.ask.on ? `after ${daysText(s.ask.afterWorkingDays)}` : "off" },
    {
      label: "Go-live notices",
      value: s.goLive.on ? `${s.goLive.daysBefore.join(", ")} days before the go-live` : "off",
    },
    {
      label: "Weekly digest",
      value: s.digest.on ? `${WEEKDAY_NAMES[s.digest.weekday]}s at ${s.digest.time}` : "off",
    },
    { label: "Working days", value: workingDaysText(s.workingDays) },
    { label: "Quiet hours", value: s.quietHours ? `${s.quietHours.start}–${s.quietHours.end}` : "none" },
    { label: "Time zone", value: s.timeZone ?? "the project manager's, from Slack" },
    { label: "Nudges go to", value: lowerFirst(DESTINATION_LABELS[s.destination]) },
  ];
}

/** What differs between two settings, one "Label: before → after" line per setting that changed. */
export function describeSettingsChanges(before: ReminderSettings, after: ReminderSettings): string[] {
  const was = describeSettings(before);
  return describeSettings(after).flatMap((line, i) => {
    const old = was[i]?.value;
    return old === line.value ? [] : [`${line.label}: ${old} → ${line.value}`];
  });
}
