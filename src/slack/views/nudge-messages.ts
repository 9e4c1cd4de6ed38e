import type { PhaseStatus } from "../../domain/phases.js";
import { SNOOZE_DAYS, SNOOZE_LABELS } from "../../domain/reminders/nudges.js";
import { NUDGE_ACTION } from "../ids.js";
import { actions, button, context, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";

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

/** The nudge's message: what waits, with a button to act at once, the snooze buttons and Dismiss. */
export function buildNudgeMessage(input: NudgeMessageInput): MessageContent {
  // Stub (issue 16): the nudge helper writes the wording.
  const value = nudgeButtonValue(input.project.id, input.nudgeId);
  const what =
    input.subject.kind === "blocker"
      ? `Blocker #${input.subject.blockerNumber} is still open: ${escapeMrkdwn(input.subject.text)}`
      : input.subject.kind === "phase"
        ? `${escapeMrkdwn(input.subject.phaseName)} was planned to end ${input.subject.plannedEnd}.`
        : "Your answers are still needed.";
  const blocks: KnownBlock[] = [
    section(what),
    actions(`nudge_${input.nudgeId}`, [
      ...SNOOZE_DAYS.map((days) =>
        button(`Snooze ${SNOOZE_LABELS[days]}`, `${NUDGE_ACTION.snoozePrefix}${days}`, { value }),
      ),
      button("Dismiss", NUDGE_ACTION.dismiss, { value }),
    ]),
    context(`${escapeMrkdwn(input.project.name)}`),
  ];
  return { text: what, blocks };
}
