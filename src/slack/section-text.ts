import { channelToken, personToken, TOKEN, TOKEN_DELIMITERS } from "../documents/person-tokens.js";

/**
 * A document section's text as the `/intplan edit` modal shows it, and back. The document holds people and
 * channels as tokens (documents/person-tokens.ts), presented per audience only when it is published: a user
 * card once in the canvas, a name in files. The modal shows them as Slack writes them (`<@U…>`, `<#C…>`), so
 * the text box needs no call to Slack, and a saved section keeps its people as people (a renamed or
 * deactivated person reads right later) instead of freezing whatever name was shown.
 */

/** The document's text as the modal shows it. */
export function editorText(documentText: string): string {
  return documentText.replace(TOKEN, (_token, sigil: string, id: string) =>
    sigil === "@" ? `<@${id}>` : `<#${id}>`,
  );
}

/**
 * What a PM typed, as the document holds it: Slack's mentions (`<@U…>`, `<#C…|name>`) and canvas mentions
 * (`![](@U…)`, `![](#C…)`) become the people and channels they name; the token characters are never taken
 * from what was typed. Anything else stays as typed (and `sectionTextProblem` refuses markup that would show
 * raw, such as `<!here>`).
 */
export function documentText(typed: string): string {
  const person = (raw: string, id: string) => personToken(id) ?? raw;
  const channel = (raw: string, id: string) => channelToken(id) ?? raw;
  return typed
    .replace(TOKEN_DELIMITERS, "")
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, person)
    .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/g, channel)
    .replace(/!\[[^\]]*\]\(@([A-Z0-9]+)\)/g, person)
    .replace(/!\[[^\]]*\]\(#([A-Z0-9]+)\)/g, channel);
}
