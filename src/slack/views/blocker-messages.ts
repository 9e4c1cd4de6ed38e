import type { BlockerRow } from "../../db/schema.js";
import { type LiveBlocker, toLiveBlocker } from "../../domain/project-state.js";
import { context, type MessageContent, section } from "./block-kit.js";
import { blockerLine, blockerSummary } from "./blocker-format.js";
import { linesToSections } from "./line-sections.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

/** Messages about blockers: the in-channel announcements and the `/intplan blockers` list. */

export function buildBlockerAdded(blocker: BlockerRow, actorId: string): MessageContent {
  const text = `:construction: ${mention(actorId)} logged blocker ${blockerSummary(toLiveBlocker(blocker))}`;
  return {
    text,
    blocks: [section(text), context(`Resolve it with \`/intplan blocker resolve ${blocker.number} [note]\``)],
  };
}

export function buildBlockerResolved(blocker: BlockerRow, actorId: string): MessageContent {
  const note = blocker.resolutionNote ? `\n>${escapeMrkdwn(blocker.resolutionNote)}` : "";
  const text = `:white_check_mark: ${mention(actorId)} resolved blocker *#${blocker.number}* ${escapeMrkdwn(blocker.text)}${note}`;
  return { text, blocks: [section(text)] };
}

/** `/intplan blockers`: the open ones, oldest first, with id, age and owner. */
export function buildBlockerList(blockers: readonly LiveBlocker[], now: Date): MessageContent {
  if (blockers.length === 0) {
    const text = "No open blockers. Log one with `/intplan blocker <text> [@owner] [--client]`.";
    return { text, blocks: [section(text)] };
  }
  const title = `*Open blockers (${blockers.length})*`;
  const { blocks, left } = linesToSections(
    blockers.map((b) => `• ${blockerLine(b, now)}`),
    45,
  );
  return {
    text: `${blockers.length} open blocker${blockers.length === 1 ? "" : "s"}`,
    blocks: [
      section(title),
      ...blocks,
      context(
        `${left > 0 ? `…and ${left} more. ` : ""}Resolve one with \`/intplan blocker resolve <id> [note]\`.`,
      ),
    ],
  };
}
