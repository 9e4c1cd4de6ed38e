/**
 * Text people type after a slash command arrives in Slack's escaped format (the command has
 * `should_escape`): `@maria` is `<@U123|maria>`, links are `<https://…|label>`, and `&`, `<`, `>` are
 * entities. These helpers turn it back into plain text, which is stored as is and escaped when shown.
 */

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/** The ids of the people mentioned, in the order they appear. */
export function mentionedUserIds(raw: string): string[] {
  return [...raw.matchAll(USER_MENTION)].map((m) => m[1] as string);
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

export type TypedTextResult = { ok: true; text: string | null } | { ok: false; error: string };

/** An optional note: plain text, at most `max` characters; empty is no note. */
export function readOptionalNote(raw: string | null, max: number): TypedTextResult {
  const text = plainFromTyped(raw ?? "");
  if (!text) return { ok: true, text: null };
  if (text.length > max) {
    return { ok: false, error: `A note is at most ${max} characters (yours has ${text.length}).` };
  }
  return { ok: true, text };
}
