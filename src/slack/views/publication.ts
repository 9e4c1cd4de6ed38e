import type { PublishOutcome } from "../../services/document-publishing.js";
import { type MessageContent, section } from "./block-kit.js";

/** What the person who published is told (ephemeral). */
export function describePublication(title: string, outcome: PublishOutcome): string {
  switch (outcome.status) {
    case "unchanged":
      return `The ${title} is already up to date (version ${outcome.version}): nothing has changed since it was last published.`;
    case "canvas-created":
      return `The ${title} is published as a canvas in this channel (version ${outcome.version}).`;
    case "canvas-updated":
      return `The ${title} canvas is updated to version ${outcome.version}.`;
    case "file":
      return `Canvases are not available in this workspace (Slack said \`${outcome.reason}\`), so the ${title} (version ${outcome.version}) is posted in this channel as a Markdown file.`;
  }
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
