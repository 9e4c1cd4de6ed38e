import { escapeMarkdownText } from "./markdown-escape.js";
import { TOKEN } from "./person-tokens.js";

/**
 * People and channels in a rendered document, presented for where it will be read. The templates write
 * tokens (person-tokens.ts); this turns them into what the audience can read, once rendering is done:
 * - `"canvas"`: a person's first appearance is a user card, `![](@U…)`, and every later one their name, so
 *   each person is mentioned at most once per document and a refresh does not notify them again and again;
 *   a channel is a channel link, `![](#C…)` ("the link will automatically be converted to show the channel
 *   name or user card": https://docs.slack.dev/surfaces/canvases#markdown-formatting). Message markup such as
 *   `<@U…>` shows as raw text in a canvas, so it is never written.
 * - `"file"` (exports, frozen versions, Word documents, the Markdown file uploaded where there are no
 *   canvases): people's names and `#channel-name`, escaped for Markdown, with no Slack markup or ids at all.
 */
export type Audience = "canvas" | "file";

/** What the workspace says of a person or a channel. */
export type DirectoryName =
  /** Their name as Slack shows it. */
  | { status: "named"; name: string }
  /** A deactivated or unknown person; a channel Slack does not know (any more). */
  | { status: "gone" }
  /** Slack could not be asked just now (network, rate limit): a neutral word for this render only. */
  | { status: "unavailable" };

export interface ShownNames {
  people: ReadonlyMap<string, DirectoryName>;
  channels: ReadonlyMap<string, DirectoryName>;
}

export const FORMER_MEMBER = "former member";
export const UNNAMED_MEMBER = "team member";
const FORMER_CHANNEL = "a former channel";
const UNNAMED_CHANNEL = "the project channel";

const UNAVAILABLE: DirectoryName = { status: "unavailable" };

function personText(name: DirectoryName): string {
  if (name.status === "named") return escapeMarkdownText(name.name) || UNNAMED_MEMBER;
  return name.status === "gone" ? FORMER_MEMBER : UNNAMED_MEMBER;
}

function channelText(name: DirectoryName): string {
  if (name.status === "named") {
    const escaped = escapeMarkdownText(name.name);
    return escaped ? `#${escaped}` : UNNAMED_CHANNEL;
  }
  return name.status === "gone" ? FORMER_CHANNEL : UNNAMED_CHANNEL;
}

/** The document with every token replaced for `audience`; a name missing from `names` reads neutrally. */
export function presentPeople(markdown: string, audience: Audience, names: ShownNames): string {
  const mentioned = new Set<string>();
  return markdown.replace(TOKEN, (_token, sigil: string, id: string) => {
    if (sigil === "#") {
      const name = names.channels.get(id) ?? UNAVAILABLE;
      return audience === "canvas" && name.status !== "gone" ? `![](#${id})` : channelText(name);
    }
    const name = names.people.get(id) ?? UNAVAILABLE;
    if (audience === "canvas" && name.status !== "gone" && !mentioned.has(id)) {
      mentioned.add(id);
      return `![](@${id})`;
    }
    return personText(name);
  });
}
