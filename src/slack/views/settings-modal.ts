import type { types, ViewOutput } from "@slack/bolt";
import type { ProjectRow } from "../../db/schema.js";
import {
  NUDGE_DESTINATIONS,
  type ReminderSettings,
  THRESHOLD_LIMITS,
  WEEKDAY_NAMES,
} from "../../domain/reminders/settings.js";
import {
  DESTINATION_LABELS,
  describeSettings,
  GO_LIVE_CHOICES,
  SETTINGS_FORM_FIELDS,
  type SettingsForm,
  type SettingsFormField,
  SWITCH,
  THRESHOLD_KINDS,
  type ThresholdKind,
  WEEK_ORDER,
} from "../../domain/reminders/settings-form.js";
import { CALLBACK_NUDGE } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import {
  context,
  fields,
  header,
  input,
  type KnownBlock,
  type MessageContent,
  type ModalView,
  option,
  type PlainTextOption,
  plainText,
  section,
  truncate,
} from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";
import { plainMessage } from "./plain-message.js";
import { readBlockValues } from "./view-state.js";

/**
 * The `/intplan settings` modal: the channel's reminder settings, editable for the people who may change
 * them (the lead engineer, the project manager, the creator) and shown read-only, without a Save button,
 * to everyone else. Each field is its own input block whose one element has the block's id as action id.
 */

/** The form's block ids, one per field. */
export const SETTINGS_FIELD: Readonly<Record<SettingsFormField, string>> = {
  enabled: "settings_enabled",
  nudges: "settings_nudges",
  blockerDays: "settings_blocker_days",
  phaseDays: "settings_phase_days",
  askDays: "settings_ask_days",
  goLiveDays: "settings_go_live_days",
  digestOn: "settings_digest_on",
  digestWeekday: "settings_digest_weekday",
  digestTime: "settings_digest_time",
  workingDays: "settings_working_days",
  quietOn: "settings_quiet_on",
  quietStart: "settings_quiet_start",
  quietEnd: "settings_quiet_end",
  timeZone: "settings_time_zone",
  destination: "settings_destination",
};

export interface SettingsModalMetadata {
  projectId: number;
  channelId: string;
}

export interface SettingsModalInput {
  project: Pick<ProjectRow, "id" | "channelId" | "code" | "name">;
  settings: ReminderSettings;
  /** The time zone in effect (`projectTimeZone`). */
  timeZone: string;
  mayChange: boolean;
  /** Who may change them (user ids), named in the read-only view. */
  changers: readonly string[];
}

const TITLE = "Reminder settings";
const TIME_ZONE_MAX = 64;

const KIND_LABELS: Readonly<Record<ThresholdKind, string>> = {
  blocker: "Blockers open too long",
  phase: "Phases still open past their planned end",
  ask: "Asks still unanswered",
};
const THRESHOLD_LABELS: Readonly<Record<ThresholdKind, string>> = {
  blocker: "Blocker nudge after (working days open)",
  phase: "Phase nudge after (working days past its planned end)",
  ask: "Ask nudge after (working days unanswered)",
};
const THRESHOLD_FIELDS: Readonly<Record<ThresholdKind, SettingsFormField>> = {
  blocker: "blockerDays",
  phase: "phaseDays",
  ask: "askDays",
};

/** Checkboxes whose initial_options are left out when none is picked (Slack wants at least one there). */
function checkboxes(field: SettingsFormField, choices: PlainTextOption[], picked: readonly string[]) {
  const initial = choices.filter((o) => picked.includes(o.value ?? ""));
  return {
    type: "checkboxes" as const,
    action_id: SETTINGS_FIELD[field],
    options: choices,
    ...(initial.length > 0 ? { initial_options: initial } : {}),
  };
}

function radio(field: SettingsFormField, choices: PlainTextOption[], picked: string): types.RadioButtons {
  const initial = choices.find((o) => o.value === picked);
  return {
    type: "radio_buttons",
    action_id: SETTINGS_FIELD[field],
    options: choices,
    ...(initial ? { initial_option: initial } : {}),
  };
}

const timepicker = (field: SettingsFormField, time: string, zone: string): types.Timepicker => ({
  type: "timepicker",
  action_id: SETTINGS_FIELD[field],
  initial_time: time,
  // Slack shows the zone under the picker ("The timezone is displayed to end users as hint text").
  timezone: zone,
});

const threshold = (kind: ThresholdKind, days: number): types.NumberInput => ({
  type: "number_input",
  action_id: SETTINGS_FIELD[THRESHOLD_FIELDS[kind]],
  is_decimal_allowed: false,
  min_value: String(THRESHOLD_LIMITS.minWorkingDays),
  max_value: String(THRESHOLD_LIMITS.maxWorkingDays),
  initial_value: String(days),
});

const zoneLine = (input: SettingsModalInput) =>
  `Times are in *${escapeMrkdwn(input.timeZone)}*${input.settings.timeZone ? "" : " (the project manager's, from Slack)"}.`;

function editableBlocks(input_: SettingsModalInput): KnownBlock[] {
  const s = input_.settings;
  const zone = input_.timeZone;
  const goLiveChoices = [...new Set([...GO_LIVE_CHOICES, ...s.goLive.daysBefore])].sort((a, b) => b - a);
  const field = (f: SettingsFormField) => SETTINGS_FIELD[f];
  return [
    context(
      `What intplan sends on its own in this channel for *${escapeMrkdwn(input_.project.name)}* (${input_.project.code}). ${zoneLine(input_)}`,
    ),
    input(
      field("enabled"),
      "Reminders in this channel",
      radio(
        "enabled",
        [
          option("Send nudges, notices and the digest as set below", SWITCH.on),
          option("Send nothing on my own in this channel", SWITCH.off),
        ],
        s.enabled ? SWITCH.on : SWITCH.off,
      ),
    ),
    header("Nudges"),
    input(
      field("nudges"),
      "Remind people about",
      checkboxes(
        "nudges",
        THRESHOLD_KINDS.map((k) => option(KIND_LABELS[k], k)),
        THRESHOLD_KINDS.filter((k) => s[k].on),
      ),
      {
        optional: true,
        hint: "A blocker's owner (the channel when it has none), a phase's owner, the person asked.",
      },
    ),
    ...THRESHOLD_KINDS.map((k) =>
      input(field(THRESHOLD_FIELDS[k]), THRESHOLD_LABELS[k], threshold(k, s[k].afterWorkingDays), {
        optional: true,
      }),
    ),
    input(
      field("goLiveDays"),
      "Go-live notices in the channel",
      checkboxes(
        "goLiveDays",
        goLiveChoices.map((d) =>
          option(`${d} day${d === 1 ? "" : "s"} before the target go-live`, String(d)),
        ),
        s.goLive.on ? s.goLive.daysBefore.map(String) : [],
      ),
      {
        optional: true,
        hint: "What is still open (exit criteria, blockers, questions). Tick none for no notices.",
      },
    ),
    header("Weekly digest"),
    input(
      field("digestOn"),
      "Digest",
      checkboxes(
        "digestOn",
        [option("Post the weekly digest in this channel", SWITCH.on)],
        s.digest.on ? [SWITCH.on] : [],
      ),
      { optional: true },
    ),
    input(
      field("digestWeekday"),
      "Day",
      {
        type: "static_select",
        action_id: field("digestWeekday"),
        options: WEEK_ORDER.map((d) => option(WEEKDAY_NAMES[d], String(d))),
        initial_option: option(WEEKDAY_NAMES[s.digest.weekday], String(s.digest.weekday)),
      },
      { optional: true },
    ),
    input(field("digestTime"), "Time", timepicker("digestTime", s.digest.time, zone), { optional: true }),
    header("Working time"),
    input(
      field("workingDays"),
      "Working days",
      checkboxes(
        "workingDays",
        WEEK_ORDER.map((d) => option(WEEKDAY_NAMES[d], String(d))),
        s.workingDays.map(String),
      ),
      { optional: true, hint: "Nudges wait for a working day, and thresholds count only these days." },
    ),
    input(
      field("quietOn"),
      "Quiet hours",
      checkboxes(
        "quietOn",
        [option("Keep quiet hours: no nudge between the times below", SWITCH.on)],
        s.quietHours ? [SWITCH.on] : [],
      ),
      { optional: true },
    ),
    input(field("quietStart"), "Quiet from", timepicker("quietStart", s.quietHours?.start ?? "18:00", zone), {
      optional: true,
    }),
    input(field("quietEnd"), "Quiet until", timepicker("quietEnd", s.quietHours?.end ?? "09:00", zone), {
      optional: true,
      hint: "Overnight when it ends earlier than it starts.",
    }),
    input(
      field("timeZone"),
      "Time zone",
      {
        type: "plain_text_input",
        action_id: field("timeZone"),
        max_length: TIME_ZONE_MAX,
        placeholder: plainText("Europe/Berlin", 150),
        ...(s.timeZone ? { initial_value: s.timeZone } : {}),
      },
      {
        optional: true,
        hint: `Blank: the project manager's time zone from their Slack profile (now ${zone}).`,
      },
    ),
    input(
      field("destination"),
      "Send nudges to",
      radio(
        "destination",
        NUDGE_DESTINATIONS.map((d) => option(DESTINATION_LABELS[d], d)),
        s.destination,
      ),
    ),
  ];
}

function readOnlyBlocks(input_: SettingsModalInput): KnownBlock[] {
  const lines = describeSettings(input_.settings).map((l) => `*${l.label}*\n${escapeMrkdwn(l.value)}`);
  const who = input_.changers.map((id) => mention(id, "")).filter(Boolean);
  return [
    context(`What intplan sends on its own in this channel. ${zoneLine(input_)}`),
    fields(lines),
    context(
      `Only the project's lead engineer, project manager or the person who created it${who.length > 0 ? ` (${who.join(", ")})` : ""} can change these.`,
    ),
  ];
}

/** The settings modal: editable for a person who may change them, read-only (no Save) for anyone else. */
export function buildSettingsModal(input_: SettingsModalInput): ModalView {
  const metadata: SettingsModalMetadata = {
    projectId: input_.project.id,
    channelId: input_.project.channelId,
  };
  return {
    type: "modal",
    callback_id: CALLBACK_NUDGE.settings,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText(TITLE, 24),
    ...(input_.mayChange ? { submit: plainText("Save", 24) } : {}),
    close: plainText(input_.mayChange ? "Cancel" : "Close", 24),
    blocks: input_.mayChange ? editableBlocks(input_) : readOnlyBlocks(input_),
  };
}

/** The submitted modal's values by form field. */
export function readSettingsModal(state: ViewOutput["state"]): SettingsForm {
  const values = readBlockValues(state);
  const form: SettingsForm = {};
  for (const f of SETTINGS_FORM_FIELDS) {
    const value = values[SETTINGS_FIELD[f]];
    if (value !== undefined) form[f] = value;
  }
  return form;
}

/** Field errors on the form's blocks (`response_action: "errors"`). */
export const settingsFormErrors = (errors: Partial<Record<SettingsFormField, string>>) => ({
  response_action: "errors" as const,
  errors: Object.fromEntries(
    Object.entries(errors).map(([f, message]) => [SETTINGS_FIELD[f as SettingsFormField], message]),
  ),
});

/** What the person who saved the settings is told (just them): each change, or that nothing changed. */
export function buildSettingsSavedMessage(args: {
  project: Pick<ProjectRow, "code" | "name">;
  changes: readonly string[];
}): MessageContent {
  const what = `the reminder settings of *${escapeMrkdwn(args.project.name)}* (${args.project.code})`;
  if (args.changes.length === 0) return plainMessage(`Nothing changed in ${what}, so nothing was saved.`);
  const lines = args.changes.map((c) => `• ${escapeMrkdwn(c)}`);
  const text = `Saved ${what}:\n${lines.join("\n")}`;
  return { text: truncate(text, 3000), blocks: [section(text)] };
}
