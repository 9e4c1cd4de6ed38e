import type { ProjectRow } from "../../db/schema.js";
import type { AskedSection, WaitingOn } from "../../services/asks-service.js";
import { ACTION } from "../ids.js";
import {
  actions,
  button,
  context,
  type KnownBlock,
  type MessageContent,
  type ModalView,
  plainText,
  section,
} from "./block-kit.js";
import { linesToSections } from "./line-sections.js";
import { channelLink, escapeMrkdwn, mention } from "./mrkdwn.js";

/** The messages of `/intplan ask`: the ask with its button, the same message once closed, and the replies. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, as people say it: "just now", "5 minutes ago", "3 hours ago", "yesterday", "2 days ago". */
export function agoText(since: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - since.getTime());
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (ms < MINUTE) return "just now";
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), "minute");
  if (ms < DAY) return plural(Math.floor(ms / HOUR), "hour");
  const days = Math.floor(ms / DAY);
  if (days === 1) return "yesterday";
  if (days < 14) return plural(days, "day");
  return plural(Math.floor(days / 7), "week");
}

const sectionList = (sections: readonly AskedSection[]) =>
  sections.map((s) => `*${escapeMrkdwn(s.label)}*`).join(", ");

/** The board's line for one person: "Waiting on @Dana: 5. Security, 7. Go-live, asked 2 days ago". */
export const waitingLine = (waiting: WaitingOn, now: Date): string =>
  `Waiting on ${mention(waiting.personId)}: ${waiting.sections.map((s) => escapeMrkdwn(s.label)).join(", ")}, asked ${agoText(waiting.since, now)}`;

/** People shown on the board; the rest are counted and `/intplan ask` lists them all. */
export const BOARD_WAITING_LINES = 8;

/** The board's "who still owes answers" part; nothing when nobody does. */
export function waitingBlocks(waiting: readonly WaitingOn[], now: Date): KnownBlock[] {
  if (waiting.length === 0) return [];
  const lines = waiting.slice(0, BOARD_WAITING_LINES).map((w) => `• ${waitingLine(w, now)}`);
  const { blocks, left } = linesToSections(["*Still owed*", ...lines], 2);
  const hidden = waiting.length - lines.length + left;
  return [...blocks, ...(hidden > 0 ? [context(`…and ${hidden} more: \`/intplan ask\``)] : [])];
}

/** What an ask's button carries: the project and the sections it opens, in order. */
export const askButtonValue = (projectId: number, sectionIds: readonly string[]): string =>
  `${projectId}:${sectionIds.join(",")}`;

export function readAskButtonValue(
  value: string | undefined,
): { projectId: number; sectionIds: string[] } | undefined {
  const match = /^(\d{1,12}):([a-z0-9_,]{1,1900})$/.exec(value ?? "");
  if (!match) return undefined;
  return { projectId: Number(match[1]), sectionIds: (match[2] ?? "").split(",").filter(Boolean) };
}

const buttonLabel = (sections: readonly AskedSection[]) => {
  const [first, ...others] = sections;
  if (!first) return "Answer";
  return others.length === 0 ? `Answer ${first.label}` : `Answer ${sections.length} sections`;
};

export interface AskMessageInput {
  project: Pick<ProjectRow, "id" | "name" | "clientName" | "channelId">;
  askedBy: string;
  personId: string;
  sections: readonly AskedSection[];
  note: string | null;
  /** Posted in the project channel (a shared channel, the person external): it mentions them. */
  inChannel: boolean;
  /**
   * Who asked, by name, for a message in the channel: a mention there would notify the asker of their own
   * command. Without it (Slack did not say), the channel message mentions them after all.
   */
  askedByName?: string;
}

function askText(input: AskMessageInput): string {
  const asker =
    input.inChannel && input.askedByName ? `*${escapeMrkdwn(input.askedByName)}*` : mention(input.askedBy);
  const who = input.inChannel ? `${mention(input.personId)}, ${asker}` : asker;
  const project = `*${escapeMrkdwn(input.project.name)}* for ${escapeMrkdwn(input.project.clientName)} (${channelLink(input.project.channelId)})`;
  return `${who} asks you to answer ${sectionList(input.sections)} of the discovery questions of ${project}.`;
}

/** The ask: who asks, for which project and sections, the note, and the button that opens just those. */
export function buildAskMessage(input: AskMessageInput): MessageContent {
  const blocks: KnownBlock[] = [
    section(askText(input)),
    ...(input.note ? [section(`>${escapeMrkdwn(input.note).replace(/\n/g, "\n>")}`)] : []),
    actions(`ask_${input.project.id}`, [
      button(buttonLabel(input.sections), ACTION.openAsk, {
        value: askButtonValue(
          input.project.id,
          input.sections.map((s) => s.id),
        ),
        style: "primary",
      }),
    ]),
    context("What is already known is filled in; change what is wrong and add what is missing."),
  ];
  return { text: `${input.sections.map((s) => s.label).join(", ")}: your answers are needed`, blocks };
}

/**
 * The same message once its asks closed: edited in place (chat.update), which sends no new notification, and
 * without the button.
 */
export function buildAskClosedMessage(args: {
  sections: readonly AskedSection[];
  projectName: string;
  reason: "answered" | "cancelled";
  by: string;
}): MessageContent {
  const what = `${sectionList(args.sections)} of *${escapeMrkdwn(args.projectName)}*`;
  const text =
    args.reason === "answered"
      ? `:white_check_mark: ${what}: answered by ${mention(args.by)}. Thank you!`
      : `${what}: no longer needed (cancelled by ${mention(args.by)}).`;
  return { text: text.replace(/[*]/g, ""), blocks: [section(text)] };
}

/** The modal after the last asked section was saved: just thanks (the rest of the interview is not theirs). */
export function buildAskDoneView(sections: readonly AskedSection[]): ModalView {
  return {
    type: "modal",
    title: plainText("Discovery", 24),
    close: plainText("Close", 24),
    blocks: [
      section(
        `:white_check_mark: Thank you! Your answers to ${sectionList(sections)} are saved; the team sees them at once.`,
      ),
    ],
  };
}

/** `/intplan ask` alone: who owes what. */
export function buildAskList(waiting: readonly WaitingOn[], now: Date): MessageContent {
  if (waiting.length === 0) {
    const text = "Nobody owes any answers. `/intplan ask @person <sections>` asks someone.";
    return { text, blocks: [section(text)] };
  }
  const lines = waiting.map((w) => `• ${waitingLine(w, now)}`);
  const { blocks, left } = linesToSections([`*Still owed (${waiting.length})*`, ...lines], 40);
  return {
    text: `${waiting.length === 1 ? "1 person owes" : `${waiting.length} people owe`} answers: ${waiting.map((w) => waitingLine(w, now)).join("; ")}`,
    blocks: [
      ...blocks,
      ...(left > 0 ? [context(`…and ${left} more.`)] : []),
      context("`/intplan ask cancel @person [sections]` cancels asks no longer needed."),
    ],
  };
}

/** `/intplan ask cancel` with nobody named: a confirmation, since it clears several. */
export function buildCancelAllConfirmation(projectId: number, waiting: readonly WaitingOn[]): MessageContent {
  const count = waiting.reduce((n, w) => n + w.sections.length, 0);
  const text = `Cancel all ${count} open asks of this project? ${waiting.map((w) => mention(w.personId)).join(", ")} will see "no longer needed" on their message.`;
  return {
    text,
    blocks: [
      section(text),
      actions(`ask_cancel_${projectId}`, [
        button("Cancel them all", ACTION.cancelAllAsks, { value: String(projectId), style: "danger" }),
        button("Keep them", ACTION.keepAsks, { value: String(projectId) }),
      ]),
    ],
  };
}
