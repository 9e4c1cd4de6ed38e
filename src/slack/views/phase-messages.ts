import type { PhaseRow } from "../../db/schema.js";
import { statusLabel } from "../../domain/phase-labels.js";
import { phaseName } from "../../domain/phase-rules.js";
import { PHASES, type PhaseStatus } from "../../domain/phases.js";
import { truncateText } from "../../domain/text.js";
import { ACTION } from "../ids.js";
import { actions, button, context, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

/** Messages about phases: the in-channel announcement of a change, and the sign-off questions. */

const STATUS_EMOJI: Readonly<Record<PhaseStatus, string>> = {
  "not-started": ":white_circle:",
  "in-progress": ":large_blue_circle:",
  blocked: ":red_circle:",
  done: ":white_check_mark:",
};

export const statusEmoji = (status: string): string =>
  STATUS_EMOJI[status as PhaseStatus] ?? ":grey_question:";

/** "2. Development", ready for mrkdwn. */
export const phaseTitle = (number: number): string => escapeMrkdwn(`${number}. ${phaseName(number)}`);

const quote = (note: string | null) => (note ? `\n>${escapeMrkdwn(note)}` : "");

export function buildPhaseAnnouncement(args: {
  actorId: string;
  phase: PhaseRow;
  previousStatus: string;
}): MessageContent {
  const { phase, actorId, previousStatus } = args;
  const who = mention(actorId);
  const title = `*${phaseTitle(phase.number)}*`;
  const line =
    previousStatus === phase.status
      ? `${statusEmoji(phase.status)} ${who} updated the note on ${title} (${statusLabel(phase.status)})`
      : `${statusEmoji(phase.status)} ${who} moved ${title} from ${statusLabel(previousStatus)} to *${statusLabel(phase.status)}*`;
  const signedOff = phase.signedOffBy ? ` (signed off by ${mention(phase.signedOffBy)})` : "";
  const text = `${line}${signedOff}${quote(phase.note)}`;
  return { text, blocks: [section(text)] };
}

function openCriteriaText(phaseNumber: number, openCriteria: readonly string[]): string {
  const count =
    openCriteria.length === 1 ? "1 open exit criterion" : `${openCriteria.length} open exit criteria`;
  return `*${phaseTitle(phaseNumber)}* still has ${count}:\n${openCriteria.map((c) => `• ${escapeMrkdwn(c)}`).join("\n")}`;
}

const whoCanSignOff = (signers: readonly string[]) => signers.map((id) => mention(id)).join(" or ");

export interface SignOffQuestion {
  phaseNumber: number;
  openCriteria: readonly string[];
  /** The people who may sign off (lead engineer, project manager). */
  signers: readonly string[];
  /** The button value carrying the requested change. */
  value: string;
}

/** Asked, privately, of whoever marks a phase done with exit criteria open. */
export function buildSignOffPrompt(question: SignOffQuestion & { canSignOff: boolean }): MessageContent {
  const criteria = openCriteriaText(question.phaseNumber, question.openCriteria);
  const cancel = button("Cancel", ACTION.cancelSignOff, { value: "cancel" });
  if (question.canSignOff) {
    const text = `${criteria}\nMark it done anyway? Your sign-off is recorded.`;
    return {
      text,
      blocks: [
        section(text),
        actions("phase_sign_off", [
          button("Sign off and mark done", ACTION.signOffPhase, { value: question.value, style: "primary" }),
          cancel,
        ]),
      ],
    };
  }
  const text = `${criteria}\nOnly ${whoCanSignOff(question.signers)} can sign it off with criteria open. Tick the criteria from the status board, or ask for a sign-off.`;
  return {
    text,
    blocks: [
      section(text),
      actions("phase_sign_off", [
        button("Ask for sign-off", ACTION.askSignOff, { value: question.value }),
        cancel,
      ]),
    ],
  };
}

/** Posted in the channel when someone who cannot sign off asks the lead or PM to. */
export function buildSignOffRequest(question: SignOffQuestion & { requesterId: string }): MessageContent {
  const text =
    `:raised_hand: ${mention(question.requesterId)} wants to mark *${phaseTitle(question.phaseNumber)}* done. ` +
    `${whoCanSignOff(question.signers)}, can you sign it off?\n${openCriteriaText(question.phaseNumber, question.openCriteria)}`;
  return {
    text,
    blocks: [
      section(text),
      actions("phase_sign_off", [
        button("Sign off and mark done", ACTION.signOffPhase, { value: question.value, style: "primary" }),
      ]),
    ],
  };
}

/** What a sign-off question becomes once it is answered. */
export function buildSignOffSettled(text: string): MessageContent {
  return { text, blocks: [context(text)] };
}

const PHASE_LIST = PHASES.map((p) => `${p.number} ${p.name}`).join(", ");

/** What a phase command says when the phase typed is none of the plan's five. */
export function noSuchPhaseText(typed: string): string {
  return `There is no phase "${truncateText(typed, 60)}". The phases are ${PHASE_LIST}.`;
}
