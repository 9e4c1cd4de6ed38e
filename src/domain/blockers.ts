import { cutText } from "./text.js";
import { mentionedUserIds, plainFromTyped } from "./typed-text.js";

/** What `/intplan blocker <text> [@owner] [--client]` means, read from Slack's escaped command text. */

export const BLOCKER_LIMITS = { text: 500, note: 500 } as const;

export interface BlockerInput {
  text: string;
  ownerId: string | null;
  /** `--client`: the team is waiting on the client. */
  waitingOnClient: boolean;
}

export type BlockerParse = { ok: true; value: BlockerInput } | { ok: false; error: string };

/** `--client`, also as the dashes a phone or a Mac turns `--` into. */
const CLIENT_FLAG = /(^|\s)(?:--|—|–)client(?=\s|$)/gi;
const TRAILING_MENTION = /\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>\s*$/;

/**
 * The owner is the first person mentioned; a mention at the end ("... @maria") only names the owner and
 * is left out of the text, a mention inside the sentence stays in it as plain `@name`.
 */
export function parseBlockerText(raw: string): BlockerParse {
  const waitingOnClient = raw.search(CLIENT_FLAG) !== -1;
  const withoutFlag = raw.replace(CLIENT_FLAG, " ");
  const ownerId = mentionedUserIds(withoutFlag)[0] ?? null;
  const ownerAtEnd =
    ownerId !== null && mentionedUserIds(withoutFlag.match(TRAILING_MENTION)?.[0] ?? "")[0] === ownerId;
  const text = checkBlockerText(
    plainFromTyped(ownerAtEnd ? withoutFlag.replace(TRAILING_MENTION, "") : withoutFlag),
  );
  return text.ok ? { ok: true, value: { text: text.text, ownerId, waitingOnClient } } : text;
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

/** A message turned into a blocker: its text as plain text, cut to the limit at a word. */
export function blockerTextFromMessage(messageText: string): string {
  const text = plainFromTyped(messageText);
  if (text.length <= BLOCKER_LIMITS.text) return text;
  const cut = cutText(text, BLOCKER_LIMITS.text - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > BLOCKER_LIMITS.text / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
