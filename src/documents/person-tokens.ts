import { hasChannelIdShape, hasPersonIdShape } from "../domain/person-id.js";

/**
 * How a rendered document marks a person or a channel before it is presented for an audience
 * (people-presentation.ts): `U+E000`, `@` or `#`, the stored id, `U+E001`. The two delimiters are Unicode
 * private-use characters, which the escaping helpers strip from every text a person typed
 * (markdown-escape.ts), so only the templates' `user` and `channel` helpers can write a token: no answer,
 * blocker or name can forge one.
 */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/** The token delimiters, for the escaping helpers to strip from typed text. */
export const TOKEN_DELIMITERS = /[\uE000\uE001]/g;

/** One token: the sigil (`@` a person, `#` a channel) and the id. */
export const TOKEN = /\uE000([@#])([A-Z0-9]+)\uE001/g;

/** A person's token; undefined when the id is not a person id. */
export const personToken = (id: string): string | undefined =>
  hasPersonIdShape(id) ? `${OPEN}@${id}${CLOSE}` : undefined;

/** A channel's token; undefined when the id is not a channel id. */
export const channelToken = (id: string): string | undefined =>
  hasChannelIdShape(id) ? `${OPEN}#${id}${CLOSE}` : undefined;

/** The people and channels a rendered document names, each once, in the order they first appear. */
export function referencesIn(markdown: string): { people: string[]; channels: string[] } {
  const people = new Set<string>();
  const channels = new Set<string>();
  for (const [, sigil, id] of markdown.matchAll(TOKEN)) {
    if (!id) continue;
    (sigil === "@" ? people : channels).add(id);
  }
  return { people: [...people], channels: [...channels] };
}
