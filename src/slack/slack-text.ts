import { type BlockerParse, checkBlockerText, cutBlockerText, readClientFlag } from "../domain/blockers.js";
import { checkOptionalNote, type NoteCheck } from "../domain/text.js";

/**
 * Text people type after a slash command arrives in Slack's escaped format (the command has
 * `should_escape`): `@maria` is `<@U123|maria>`, links are `<https://…|label>`, and `&`, `<`, `>` are
 * entities. These helpers turn it back into plain text, which is stored as is and escaped when shown.
 * Slack's format, so it is read here at the edge: the domain only ever sees the plain text.
 */

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const TRAILING_MENTION = /\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>\s*$/;

/** The ids of the people mentioned, in the order they appear. */
function mentionedUserIds(raw: string): string[] {
  return [...raw.matchAll(USER_MENTION)].map((m) => m[1] as string);
}

/** The person a text names when it is one mention and nothing else (`<@U123|maria>`); null otherwise. */
export function onlyMentionedUser(raw: string): string | null {
  const ids = mentionedUserIds(raw);
  return ids.length === 1 && raw.replace(USER_MENTION, "").trim() === "" ? (ids[0] ?? null) : null;
}

/** One `<...>` token as a person would have typed it. */
function plainToken(inner: string): string {
  const [target = "", label] = inner.split("|", 2);
  if (target.startsWith("@")) return `@${label ?? target.slice(1)}`;
  if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
  if (target.startsWith("!")) {
    if (label) return label.startsWith("@") ? label : `@${label}`;
    return `@${target.slice(1).split("^")[0]}`;
  }
  return label && label !== target ? `${label} (${target})` : target;
}

const decodeEntities = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Slack's escaped command text as plain text on one line. */
export function plainFromTyped(raw: string): string {
  return decodeEntities(raw.replace(/<([^<>]*)>/g, (_, inner: string) => plainToken(inner)))
    .replace(/\s+/g, " ")
    .trim();
}

/** An optional note typed after a command: plain text, at most `max` characters; empty is no note. */
export function readOptionalNote(raw: string | null, max: number): NoteCheck {
  return checkOptionalNote(plainFromTyped(raw ?? ""), max);
}

/**
 * What `/intplan blocker <text> [@owner] [--client]` means. The owner is the first person mentioned; a
 * mention at the end ("... @maria") only names the owner and is left out of the text, a mention inside the
 * sentence stays in it as plain `@name`.
 */
export function parseBlockerText(raw: string): BlockerParse {
  const { text: withoutFlag, waitingOnClient } = readClientFlag(raw);
  const ownerId = mentionedUserIds(withoutFlag)[0] ?? null;
  const ownerAtEnd =
    ownerId !== null && mentionedUserIds(withoutFlag.match(TRAILING_MENTION)?.[0] ?? "")[0] === ownerId;
  const text = checkBlockerText(
    plainFromTyped(ownerAtEnd ? withoutFlag.replace(TRAILING_MENTION, "") : withoutFlag),
  );
  return text.ok ? { ok: true, value: { text: text.text, ownerId, waitingOnClient } } : text;
}

/** A Slack message turned into a blocker: its text as plain text, cut to the blocker limit at a word. */
export function blockerTextFromMessage(messageText: string): string {
  return cutBlockerText(plainFromTyped(messageText));
}
