import type { WebClient } from "@slack/web-api";
import type { ProjectRow } from "../db/schema.js";
import type { AppDeps } from "../deps.js";
import type { DocumentKind } from "../domain/document-kinds.js";
import {
  type CanvasPort,
  type PublishOutcome,
  publishLatestDocument,
} from "../services/document-publishing.js";
import type { RenderedDocument } from "../services/document-rendering.js";
import { filePermalink } from "./permalinks.js";
import { postSoon } from "./post.js";
import { slackErrorCode } from "./slack-error-code.js";
import { buildCanvasAccessRefusedNotice } from "./views/publication.js";

/** Slack's answers that mean "no canvases here": publish a Markdown file instead. */
const CANVAS_UNAVAILABLE = new Set([
  "team_tier_cannot_create_channel_canvases",
  "free_teams_cannot_create_non_tabbed_canvases",
  "free_team_canvas_tab_already_exists",
  "canvas_disabled_user_team",
  "missing_scope",
  "restricted_action",
  "not_allowed_token_type",
]);

/**
 * canvases.access.set's answers that mean "not now" rather than "no" (Slack's transient errors, and a token
 * Slack does not take at all, which says nothing about this canvas): the change is asked again at the next
 * publish. Every other code (`restricted_action`, `canvas_not_found` for a channel canvas, `missing_scope`…)
 * is Slack refusing it, and is told once.
 */
const ACCESS_NOT_NOW = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "team_added_to_org",
  "org_login_required",
  "not_authed",
  "invalid_auth",
  "token_revoked",
  "token_expired",
  "account_inactive",
]);

/** Slack's answers that mean the canvas we knew is gone. */
const CANVAS_GONE = new Set(["canvas_not_found", "canvas_deleted", "file_not_found", "invalid_canvas_id"]);

const contentOf = (document: RenderedDocument) => ({
  type: "markdown" as const,
  markdown: document.markdown,
});

/**
 * Both documents are canvases in the channel's tabs (`canvases.create` with `channel_id`), never the channel
 * canvas, which is left to the team (a project that already has its plan there keeps it).
 */
async function createCanvas(
  client: WebClient,
  channelId: string,
  document: RenderedDocument,
): Promise<string> {
  const res = await client.canvases.create({
    title: document.title,
    document_content: contentOf(document),
    channel_id: channelId,
  });
  if (!res.canvas_id) throw new Error("canvases.create answered without a canvas_id");
  return res.canvas_id;
}

function canvasFallbackComment(document: RenderedDocument, code: string): string {
  return `Canvases are not available here (Slack said \`${code}\`), so here is the ${document.title} as a Markdown file.`;
}

/** A file to upload: text (a document's Markdown, the answers' JSON) or bytes (a Word document). */
export interface FileToUpload {
  filename: string;
  title: string;
  content: string | Buffer;
}

/** A file Slack took: its id, and its permalink when Slack's answer carries one. */
export interface UploadedFile {
  id: string;
  permalink?: string;
}

type UploadAnswer = { files?: { files?: { id?: string; permalink?: string }[] }[] };

/**
 * Uploads files to the channel in one message introduced by `comment` (files.getUploadURLExternal for each,
 * their bytes, then one files.completeUploadExternal); returns them in the order given.
 */
export async function uploadFiles(
  client: WebClient,
  channelId: string,
  files: readonly FileToUpload[],
  comment: string,
): Promise<UploadedFile[]> {
  const res = (await client.filesUploadV2({
    channel_id: channelId,
    initial_comment: comment,
    file_uploads: files.map((file) =>
      typeof file.content === "string"
        ? { content: file.content, filename: file.filename, title: file.title }
        : { file: file.content, filename: file.filename, title: file.title },
    ),
  })) as UploadAnswer;
  // One completion per channel and comment: here exactly one, listing the files in the order uploaded.
  const uploaded = (res.files ?? []).flatMap((completion) => completion.files ?? []);
  if (uploaded.length !== files.length || uploaded.some((f) => !f.id)) {
    throw new Error("files.completeUploadExternal answered without the files' ids");
  }
  return uploaded.map((f) => ({ id: f.id as string, ...(f.permalink ? { permalink: f.permalink } : {}) }));
}

/** Uploads one file to the channel; returns its id. */
export async function uploadFile(
  client: WebClient,
  channelId: string,
  file: FileToUpload,
  comment: string,
): Promise<string> {
  const [uploaded] = await uploadFiles(client, channelId, [file], comment);
  return (uploaded as UploadedFile).id;
}

/** The publishing service's Slack calls, with Slack's error codes turned into the answers it expects. */
function slackCanvasPort(client: WebClient, logger: AppDeps["logger"]): CanvasPort {
  return {
    async edit(canvasId, document) {
      try {
        await client.canvases.edit({
          canvas_id: canvasId,
          changes: [{ operation: "replace", document_content: contentOf(document) }],
        });
        return "edited";
      } catch (error) {
        if (CANVAS_GONE.has(slackErrorCode(error) ?? "")) return "gone";
        throw error;
      }
    },
    async create(channelId, document) {
      try {
        return { canvasId: await createCanvas(client, channelId, document) };
      } catch (error) {
        const code = slackErrorCode(error) ?? "";
        if (CANVAS_UNAVAILABLE.has(code)) return { unavailable: code };
        throw error;
      }
    },
    uploadInstead: (channelId, document, reason) =>
      uploadFile(
        client,
        channelId,
        { filename: document.filename, title: document.title, content: document.markdown },
        canvasFallbackComment(document, reason),
      ),
    async restrictToChannel(canvasId, channelId) {
      try {
        const res = await client.canvases.access.set({
          canvas_id: canvasId,
          access_level: "read",
          channel_ids: [channelId],
        });
        if (res.failed_to_update_channel_ids?.includes(channelId)) {
          return { refused: "failed_to_update_channel_ids" };
        }
        return { access: "read" };
      } catch (error) {
        const code = slackErrorCode(error);
        if (code && !ACCESS_NOT_NOW.has(code)) return { refused: code };
        logger.warn(
          `canvases.access.set on ${canvasId} failed (${code ?? "network"}); trying at the next publish`,
        );
        return { failed: code ?? "network" };
      }
    },
    permalink: (canvasId) => filePermalink(client, logger, canvasId, "asking at the next publish"),
    async tellAccessRefused(channelId, document, reason) {
      try {
        await postSoon(client, { channel: channelId, ...buildCanvasAccessRefusedNotice(document, reason) });
      } catch (error) {
        logger.warn(
          `Could not tell ${channelId} that its canvas stays editable (${slackErrorCode(error) ?? "network"})`,
        );
      }
    },
  };
}

/** Renders a project's document and publishes it through `client` (the commands' and the refresh jobs' entry). */
export function publishProjectDocument(
  client: WebClient,
  deps: AppDeps,
  args: { projectId: number; kind: DocumentKind; actorId: string; onlyIfCanvasExists?: boolean },
): Promise<{ project: ProjectRow; outcome: PublishOutcome | undefined } | undefined> {
  return publishLatestDocument(deps, slackCanvasPort(client, deps.logger), args);
}
