import type { PublishOutcome } from "../../services/document-publishing.js";
import { type MessageContent, section } from "./block-kit.js";

/**
 * What the person who ran `/intplan plan` (or `discovery`) is told privately when there was nothing to
 * publish. Every other outcome is told in the channel, once (the announcement, or the file's comment).
 */
export function describeUnchanged(title: string, version: number): string {
  return `The ${title} is already up to date (version ${version}): nothing has changed since it was last published.`;
}

/** What the channel is told when someone publishes a document (no announcement for unchanged content). */
export function buildPublicationAnnouncement(
  userId: string,
  title: string,
  outcome: Exclude<PublishOutcome, { status: "unchanged" }>,
): MessageContent {
  const where =
    outcome.status === "file"
      ? "as a Markdown file (canvases are not available here)"
      : outcome.status === "canvas-created"
        ? "as a canvas in this channel"
        : "in its canvas";
  const text = `:page_facing_up: <@${userId}> published the ${title}, version ${outcome.version}, ${where}.`;
  return { text, blocks: [section(text)] };
}
