import { cutText } from "./text.js";

/**
 * What a blocker is made of, and the rules for its text. The text arrives plain: Slack's escaped command
 * text (mentions, links, entities) is read at the edge (src/slack/slack-text.ts).
 */

export const BLOCKER_LIMITS = { text: 500, note: 500 } as const;

export const BLOCKER_STATUSES = ["open", "resolved"] as const;

export interface BlockerInput {
  text: string;
  ownerId: string | null;
  /** `--client`: the team is waiting on the client. */
  waitingOnClient: boolean;
}

export type BlockerParse = { ok: true; value: BlockerInput } | { ok: false; error: string };

/** `--client`, also as the dashes a phone or a Mac turns `--` into. */
const CLIENT_FLAG = /(^|\s)(?:--|—|–)client(?=\s|$)/gi;

/** Whether `--client` was typed, and the text without it. */
export function readClientFlag(typed: string): { text: string; waitingOnClient: boolean } {
  return { text: typed.replace(CLIENT_FLAG, " "), waitingOnClient: typed.search(CLIENT_FLAG) !== -1 };
}

/** A blocker's text as typed in a form: something to read, within the limit. */
export function checkBlockerText(typed: string): { ok: true; text: string } | { ok: false; error: string } {
  const text = typed.replace(/\s+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return { ok: false, error: "Describe the blocker: what is stuck, and on what." };
  }
  if (text.length > BLOCKER_LIMITS.text) {
    return {
      ok: false,
      error: `A blocker is at most ${BLOCKER_LIMITS.text} characters (yours has ${text.length}). Put the details in a thread.`,
    };
  }
  return { ok: true, text };
}

/** Longer text (a message logged as a blocker) cut to the limit at a word. */
export function cutBlockerText(text: string): string {
  if (text.length <= BLOCKER_LIMITS.text) return text;
  const cut = cutText(text, BLOCKER_LIMITS.text - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > BLOCKER_LIMITS.text / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
