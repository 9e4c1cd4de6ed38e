import type { types } from "@slack/bolt";
import { statusLabel } from "../../domain/phase-labels.js";
import { PHASE_NOTE_MAX, phaseName } from "../../domain/phase-rules.js";
import { PHASE_STATUSES, type PhaseStatus } from "../../domain/phases.js";
import { SNOOZE_DAYS, SNOOZE_LABELS } from "../../domain/reminders/nudges.js";
import { CALLBACK_NUDGE, NUDGE_ACTION } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import {
  actions,
  button,
  context,
  input,
  type KnownBlock,
  LIMITS,
  type MessageContent,
  type ModalView,
  option,
  plainText,
  section,
} from "./block-kit.js";
import { channelLink, escapeMrkdwn, mention } from "./mrkdwn.js";

/** What a nudge is about, as its message tells it. */
export type NudgeSubject =
  | {
      kind: "blocker";
      blockerNumber: number;
      text: string;
      openedAt: Date;
      /** Working days it has been open, as the channel's settings count them. */
      workingDaysOpen: number;
      ownerId: string | null;
    }
  | {
      kind: "phase";
      phaseNumber: number;
      phaseName: string;
      /** The plan's end of the phase, YYYY-MM-DD. */
      plannedEnd: string;
      status: PhaseStatus;
      ownerId: string | null;
    }
  | {
      kind: "ask";
      personId: string;
      /** The sections still unanswered, as people read them ("5. Security"). */
      sections: { id: string; label: string }[];
      askedAt: Date;
      askedBy: string;
    };

export interface NudgeMessageInput {
  nudgeId: number;
  project: { id: number; name: string; clientName: string; channelId: string };
  subject: NudgeSubject;
  /** `owner`: a DM (or thread reply) to the person who must act; `channel`: the item has no owner. */
  addressee: "owner" | "channel";
}

/** A nudge button's value: `<projectId>:<nudgeId>`. */
export const nudgeButtonValue = (projectId: number, nudgeId: number): string => `${projectId}:${nudgeId}`;

/** Reads a nudge button's value strictly; undefined for anything else. */
export function readNudgeButtonValue(
  value: string | undefined,
): { projectId: number; nudgeId: number } | undefined {
  const match = /^(\d{1,9}):(\d{1,9})$/.exec(value ?? "");
  return match ? { projectId: Number(match[1]), nudgeId: Number(match[2]) } : undefined;
}

const DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };

/** A calendar date (YYYY-MM-DD) as people say it: "Fri 4 Dec". */
function calendarDay(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(at.getTime())) return date;
  return at.toLocaleDateString("en-GB", { ...DAY_FORMAT, timeZone: "UTC" }).replace(",", "");
}

/** An instant's day in a time zone: "Fri 4 Dec". */
export function dayIn(instant: Date, timeZone: string): string {
  return instant.toLocaleDateString("en-GB", { ...DAY_FORMAT, timeZone }).replace(",", "");
}

/** An instant's day as Slack shows it to each reader, in their own time zone ("Fri 4 Dec" when it cannot). */
const slackDay = (instant: Date) =>
  `<!date^${Math.floor(instant.getTime() / 1000)}^{date_short_pretty}|${dayIn(instant, "UTC")}>`;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * What waits, in one line: as shown (`bold` marks what we emphasise) and as the notification's text (the
 * same, without our emphasis, and the date as written rather than as Slack's date token).
 */
function headline(subject: NudgeSubject, bold: (text: string) => string, day: (at: Date) => string): string {
  switch (subject.kind) {
    case "blocker":
      return `Blocker #${subject.blockerNumber} has been open for ${plural(subject.workingDaysOpen, "working day")}: ${escapeMrkdwn(subject.text)}`;
    case "phase":
      return `${bold(escapeMrkdwn(`${subject.phaseNumber}. ${subject.phaseName}`))} was planned to end on ${calendarDay(subject.plannedEnd)} and is still ${statusLabel(subject.status).toLowerCase()}.`;
    case "ask": {
      const names = subject.sections.map((s) => bold(escapeMrkdwn(s.label)));
      const list =
        names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
      return `${mention(subject.askedBy)} asked you on ${day(subject.askedAt)} to answer ${subject.sections.length === 1 ? "section" : "sections"} ${list}.`;
    }
  }
}

const shownHeadline = (subject: NudgeSubject) => headline(subject, (text) => `*${text}*`, slackDay);
const plainHeadline = (subject: NudgeSubject) =>
  headline(
    subject,
    (text) => text,
    (at) => dayIn(at, "UTC"),
  );

/** Who is to act: the owner, mentioned (a thread reply notifies them so); or, with no owner, anyone here. */
function whoActs(input: NudgeMessageInput): string {
  const { subject } = input;
  if (subject.kind === "ask") return `${mention(subject.personId)}, your answers are still needed.`;
  const noun = subject.kind === "blocker" ? "blocker" : "phase";
  if (input.addressee === "channel" || !subject.ownerId)
    return `This ${noun} has no owner: anyone in the channel can act on it.`;
  return `${mention(subject.ownerId)}, you own this ${noun}.`;
}

function actNow(input: NudgeMessageInput, value: string): types.Button {
  switch (input.subject.kind) {
    case "blocker":
      return button("Resolve", NUDGE_ACTION.resolveBlocker, { value, style: "primary" });
    case "phase":
      return button("Update status", NUDGE_ACTION.updatePhase, { value, style: "primary" });
    case "ask":
      return button("Answer now", NUDGE_ACTION.answerAsk, { value, style: "primary" });
  }
}

/** The nudge's message: what waits, with a button to act at once, the snooze buttons and Dismiss. */
export function buildNudgeMessage(input: NudgeMessageInput): MessageContent {
  const value = nudgeButtonValue(input.project.id, input.nudgeId);
  const what = shownHeadline(input.subject);
  const project = `*${escapeMrkdwn(input.project.name)}* for ${escapeMrkdwn(input.project.clientName)} (${channelLink(input.project.channelId)})`;
  const blocks: KnownBlock[] = [
    section(`${what}\n${whoActs(input)}`),
    actions(`nudge_${input.nudgeId}`, [
      actNow(input, value),
      ...SNOOZE_DAYS.map((days) =>
        button(`Snooze ${SNOOZE_LABELS[days]}`, `${NUDGE_ACTION.snoozePrefix}${days}`, { value }),
      ),
      button("Dismiss", NUDGE_ACTION.dismiss, { value }),
    ]),
    context(
      `${project} · A reminder from intplan; snoozed, it comes back after that time; dismissed, never again.`,
    ),
  ];
  return { text: plainHeadline(input.subject), blocks };
}

/** How a nudge was settled, as its message says once the buttons are gone. */
export type NudgeSettlement =
  | { kind: "snoozed"; until: Date; timeZone: string; by: string }
  | { kind: "dismissed"; by: string }
  | { kind: "resolved"; by: string }
  | { kind: "phase-updated"; status: PhaseStatus; by: string };

function settledLine(settled: NudgeSettlement): string {
  switch (settled.kind) {
    case "snoozed":
      return `:zzz: Snoozed until ${dayIn(settled.until, settled.timeZone)} by ${mention(settled.by)}.`;
    case "dismissed":
      return `Dismissed by ${mention(settled.by)}: no more reminders about this.`;
    case "resolved":
      return `:white_check_mark: Resolved by ${mention(settled.by)}.`;
    case "phase-updated":
      return `:white_check_mark: ${mention(settled.by)} set it to ${statusLabel(settled.status).toLowerCase()}.`;
  }
}

/**
 * The nudge's message once settled: edited in place (no new notification), what it was about (its first
 * section's mrkdwn as shown, else its plain text) and what was done, without the buttons, so nobody presses
 * twice.
 */
export function buildNudgeSettled(args: {
  original: { text: string; mrkdwn?: string };
  settled: NudgeSettlement;
}): MessageContent {
  const line = settledLine(args.settled);
  const shown = args.original.mrkdwn ?? escapeMrkdwn(args.original.text);
  const blocks: KnownBlock[] = [...(shown.trim() ? [section(shown)] : []), context(line)];
  return { text: `${args.original.text} ${line.replace(/^:[a-z_]+: /, "")}`.trim(), blocks };
}

/** The "Update status" modal's fields (block id = action id). */
export const NUDGE_PHASE_FIELD = { status: "status", note: "note" } as const;

export interface NudgePhaseModalMetadata {
  projectId: number;
  nudgeId: number;
  phaseNumber: number;
  /** Where the button was pressed, and the nudge's message there (edited once the status changed). */
  channelId: string | null;
  messageTs: string | null;
}

/** "Update status" on a phase's nudge: the phase's status and an optional note, as `/intplan phase` takes them. */
export function buildNudgePhaseModal(
  args: NudgePhaseModalMetadata & { status: PhaseStatus; projectName: string },
): ModalView {
  const status: types.RadioButtons = {
    type: "radio_buttons",
    action_id: NUDGE_PHASE_FIELD.status,
    options: PHASE_STATUSES.map((s) => option(statusLabel(s), s)),
    initial_option: option(statusLabel(args.status), args.status),
  };
  const note: types.PlainTextInput = {
    type: "plain_text_input",
    action_id: NUDGE_PHASE_FIELD.note,
    multiline: true,
    max_length: PHASE_NOTE_MAX,
  };
  const metadata: NudgePhaseModalMetadata = {
    projectId: args.projectId,
    nudgeId: args.nudgeId,
    phaseNumber: args.phaseNumber,
    channelId: args.channelId,
    messageTs: args.messageTs,
  };
  return {
    type: "modal",
    callback_id: CALLBACK_NUDGE.updatePhase,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText("Update status", LIMITS.modalTitle),
    submit: plainText("Save", LIMITS.modalTitle),
    close: plainText("Cancel", LIMITS.modalTitle),
    blocks: [
      context(
        `*${escapeMrkdwn(`${args.phaseNumber}. ${phaseName(args.phaseNumber)}`)}* of *${escapeMrkdwn(args.projectName)}*. The channel is told, as with \`/intplan phase\`.`,
      ),
      input(NUDGE_PHASE_FIELD.status, "Status", status),
      input(NUDGE_PHASE_FIELD.note, "Note", note, { optional: true }),
    ],
  };
}
