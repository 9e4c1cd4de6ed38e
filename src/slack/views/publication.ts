import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import type { PublishOutcome } from "../../services/document-publishing.js";
import { type MessageContent, section } from "./block-kit.js";

/** The canvas named as a link when Slack gave its permalink (`files.info`), else in words. */
function canvasName(title: string, permalink: string | null): string {
  return permalink ? `<${permalink}|${title}>` : title;
}

/**
 * What the person who ran `/intplan plan` (or `publish <document>`) is told privately when there was nothing to
 * publish. Every other outcome is told in the channel, once (the announcement, or the file's comment).
 */
export function describeUnchanged(title: string, version: number, permalink: string | null): string {
  return `The ${canvasName(title, permalink)} is already up to date (version ${version}): nothing has changed since it was last published.`;
}

/** What the person is told when Slack would not take a publish, by Slack's code. */
export function describePublishFailure(title: string, code: string | undefined): string {
  const hint =
    code === "not_in_channel" || code === "channel_not_found"
      ? "I am not in this channel: invite me with `/invite @intplan` and try again."
      : "Slack did not accept it just now. Your project data is safe; try again in a minute.";
  return `:warning: I could not publish the ${title}${code ? ` (Slack said \`${code}\`)` : ""}. ${hint}`;
}

/** What the person is told when Slack would not take an export's file. */
export function describeExportFailure(what: string, code: string | undefined): string {
  const hint =
    code === "not_in_channel"
      ? "Invite me with `/invite @intplan` and try again."
      : "Please try again in a minute.";
  return `:warning: I could not upload the ${what} file${code ? ` (Slack said \`${code}\`)` : ""}. ${hint}`;
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
        ? "as a canvas in this channel's tabs"
        : "in its canvas";
  const named = outcome.status === "file" ? title : canvasName(title, outcome.permalink);
  const text = `:page_facing_up: <@${userId}> published the ${named}, version ${outcome.version}, ${where}.`;
  return { text, blocks: [section(text)] };
}

/** How to fix a refusal, by Slack's reason. */
function accessFix(reason: string): string {
  if (reason === "canvas_not_found") {
    return "It is this channel's own canvas, which anyone who can post here can edit: a channel manager can limit who edits it in the channel's settings.";
  }
  if (reason === "missing_scope" || reason === "not_allowed_token_type") {
    return "intplan is missing a permission: a workspace admin can reinstall it (Slack app settings → Install App).";
  }
  return "A workspace admin can check the workspace's canvas settings (Workspace settings → Canvas sharing) and that apps may change who can edit a canvas, or anyone who can edit the canvas can set this channel to *Can view* in the canvas' Share menu.";
}

/**
 * What the channel is told, once per canvas, when Slack will not make the channel read-only on a document's
 * canvas: what that means for people's edits, how to change the document instead, and how to fix it.
 */
export function buildCanvasAccessRefusedNotice(
  document: { kind: DocumentKind },
  reason: string,
): MessageContent {
  const title = DOCUMENT_TITLES[document.kind];
  const text =
    `:lock: I could not make the ${title} canvas read-only for this channel (Slack said \`${reason}\`). ` +
    "People here can still edit it, and their edits will be overwritten the next time intplan refreshes it. " +
    `To change a section's wording so it lasts, use \`/intplan edit ${document.kind}\`. ${accessFix(reason)} ` +
    "I will not mention this again for this canvas.";
  return { text, blocks: [section(text)] };
}
