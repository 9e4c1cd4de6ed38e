import type { WebClient } from "@slack/web-api";
import type { Db } from "../../db/client.js";
import { findDocument, forgetCanvas, recordPublication } from "../../db/documents.js";
import type { DocumentKind } from "../../domain/document-kinds.js";
import { slackErrorCode } from "../slack-error-code.js";

/** Slack's answers that mean "no canvases here": publish a Markdown file instead. */
export const CANVAS_UNAVAILABLE = new Set([
  "team_tier_cannot_create_channel_canvases",
  "free_teams_cannot_create_non_tabbed_canvases",
  "free_team_canvas_tab_already_exists",
  "canvas_disabled_user_team",
  "missing_scope",
  "restricted_action",
  "not_allowed_token_type",
]);

const CANVAS_GONE = new Set(["canvas_not_found", "canvas_deleted", "file_not_found", "invalid_canvas_id"]);

export interface RenderedDocument {
  kind: DocumentKind;
  title: string;
  filename: string;
  markdown: string;
  /** Identifies what the document says (its inputs), so an unchanged document is not published again. */
  fingerprint: string;
}

export type PublishOutcome =
  | { status: "unchanged"; version: number; canvasId: string | null }
  | { status: "canvas-created" | "canvas-updated"; version: number; canvasId: string }
  | { status: "file"; version: number; fileId: string; reason: string };

export interface PublishArgs {
  client: WebClient;
  db: Db;
  projectId: number;
  channelId: string;
  actorId: string;
  at: Date;
  document: RenderedDocument;
  /** Refreshes only edit an existing canvas; they never create one. */
  onlyIfCanvasExists?: boolean;
}

/**
 * Publishes a document to its channel: edits the canvas it already has, or creates one (the plan takes the
 * channel canvas; the discovery document a canvas of its own in the channel), or, where the workspace
 * has no canvases, uploads the Markdown as a file. Unchanged content is not published again.
 */
export async function publishDocument(args: PublishArgs): Promise<PublishOutcome | undefined> {
  const { client, db, document } = args;
  const hash = document.fingerprint;
  const existing = findDocument(db, args.projectId, document.kind);
  const content = { type: "markdown" as const, markdown: document.markdown };
  const record = (target: "canvas" | "file", targetId: string) =>
    recordPublication(db, {
      projectId: args.projectId,
      kind: document.kind,
      target,
      targetId,
      contentHash: hash,
      actorId: args.actorId,
      at: args.at,
      canvasId: target === "canvas" ? targetId : null,
    });

  if (existing?.contentHash === hash)
    return { status: "unchanged", version: existing.version, canvasId: existing.canvasId };
  if (existing?.canvasId) {
    try {
      await client.canvases.edit({
        canvas_id: existing.canvasId,
        changes: [{ operation: "replace", document_content: content }],
      });
      return {
        status: "canvas-updated",
        version: record("canvas", existing.canvasId),
        canvasId: existing.canvasId,
      };
    } catch (error) {
      if (!CANVAS_GONE.has(slackErrorCode(error) ?? "")) throw error;
      forgetCanvas(db, args.projectId, document.kind);
    }
  }
  if (args.onlyIfCanvasExists) return undefined;

  try {
    const canvasId = await createCanvas(client, args.channelId, document);
    return { status: "canvas-created", version: record("canvas", canvasId), canvasId };
  } catch (error) {
    const code = slackErrorCode(error) ?? "";
    if (!CANVAS_UNAVAILABLE.has(code)) throw error;
    const fileId = await uploadFile(
      client,
      args.channelId,
      { filename: document.filename, title: document.title, content: document.markdown },
      canvasFallbackComment(document, code),
    );
    return { status: "file", version: record("file", fileId), fileId, reason: code };
  }
}

async function createCanvas(
  client: WebClient,
  channelId: string,
  document: RenderedDocument,
): Promise<string> {
  const document_content = { type: "markdown" as const, markdown: document.markdown };
  if (document.kind === "plan") {
    try {
      const res = await client.conversations.canvases.create({
        channel_id: channelId,
        title: document.title,
        document_content,
      });
      if (res.canvas_id) return res.canvas_id;
    } catch (error) {
      // The channel canvas is taken (by a person, or another app): make a canvas of our own instead.
      if (slackErrorCode(error) !== "channel_canvas_already_exists") throw error;
    }
  }
  const res = await client.canvases.create({
    title: document.title,
    document_content,
    channel_id: channelId,
  });
  if (!res.canvas_id) throw new Error("canvases.create answered without a canvas_id");
  return res.canvas_id;
}

function canvasFallbackComment(document: RenderedDocument, code: string): string {
  return `Canvases are not available here (Slack said \`${code}\`), so here is the ${document.title} as a Markdown file.`;
}

/** Uploads a text file (a document's Markdown, the answers' JSON) to the channel; returns the file id. */
export async function uploadFile(
  client: WebClient,
  channelId: string,
  file: { filename: string; title: string; content: string },
  comment: string,
): Promise<string> {
  const res = (await client.filesUploadV2({
    channel_id: channelId,
    content: file.content,
    filename: file.filename,
    title: file.title,
    initial_comment: comment,
  })) as { files?: { files?: { id?: string }[] }[] };
  const fileId = res.files?.[0]?.files?.[0]?.id;
  if (!fileId) throw new Error("files.completeUploadExternal answered without a file id");
  return fileId;
}
