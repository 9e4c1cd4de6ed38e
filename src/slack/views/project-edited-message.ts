import { BASICS_LABELS, type BasicsChange } from "../../domain/project-edit.js";
import { truncateText } from "../../domain/text.js";
import { type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

const PEOPLE: ReadonlySet<BasicsChange["field"]> = new Set(["leadEngineerId", "projectManagerId"]);

function shown(change: BasicsChange, value: string | null): string {
  if (value === null) return "_none_";
  if (PEOPLE.has(change.field)) return mention(value);
  return escapeMrkdwn(truncateText(value, 120));
}

/** The channel hears what `/intplan edit project` changed: "Client: Acme → Acme Outdoor Co." per field. */
export function buildProjectEditedMessage(args: {
  userId: string;
  project: { name: string; code: string };
  changes: readonly BasicsChange[];
}): MessageContent {
  const lines = args.changes.map(
    (c) => `• ${BASICS_LABELS[c.field]}: ${shown(c, c.from)} → ${shown(c, c.to)}`,
  );
  const title = `<@${args.userId}> changed the basics of *${escapeMrkdwn(args.project.name)}* (${args.project.code}):`;
  const text = `${title}\n${lines.join("\n")}`;
  return {
    text: truncateText(text, 3000),
    blocks: [
      section(truncateText(text, 2900)),
      section("The plan, the Discovery Document and the status board follow within a few seconds."),
    ],
  };
}
