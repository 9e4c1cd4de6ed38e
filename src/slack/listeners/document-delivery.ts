import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import { buildExportFile, type ExportKind, exportName } from "../../services/document-export.js";
import { publishProjectDocument, uploadFile } from "../canvas-publisher.js";
import { postToChannel } from "../post.js";
import { slackErrorCode } from "../slack-error-code.js";
import { buildNoProjectMessage } from "../views/help.js";
import {
  buildPublicationAnnouncement,
  describeExportFailure,
  describePublishFailure,
  describeUnchanged,
} from "../views/publication.js";

/**
 * Publishing and exporting a document for the person who asked: `/intplan plan`, `/intplan publish <document>`,
 * `/intplan export <document>` and the buttons of `/intplan docs` all come here, after their ack.
 *
 * One reply per run. A new version is announced in the channel, and the person is told nothing more
 * privately (the announcement is their answer); a Markdown file (an export, or a publish where there are no
 * canvases) carries its own comment in the channel; only news for this person alone ("already up to date", a
 * failure) comes privately, once, through `respond`.
 */

/** What a publish came to, for a caller that shows more afterwards (the `/intplan docs` list). */
export type Delivered = "published" | "unchanged" | "failed";

export async function publishForPerson(
  client: WebClient,
  deps: AppDeps,
  args: { project: ProjectRow; kind: DocumentKind; userId: string; respond: RespondFn },
): Promise<Delivered> {
  const { project, kind, userId, respond } = args;
  const title = DOCUMENT_TITLES[kind];
  try {
    const result = await publishProjectDocument(client, deps, {
      projectId: project.id,
      kind,
      actorId: userId,
    });
    const outcome = result?.outcome;
    if (!outcome) {
      await respond({ response_type: "ephemeral", replace_original: false, ...buildNoProjectMessage() });
      return "failed";
    }
    if (outcome.status === "unchanged") {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: describeUnchanged(title, outcome.version, outcome.permalink),
      });
      return "unchanged";
    }
    if (outcome.status === "file") return "published";
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId,
      respond,
      content: buildPublicationAnnouncement(userId, title, outcome),
    });
    return "published";
  } catch (error) {
    const code = slackErrorCode(error);
    deps.logger.warn(`Publishing the ${title} failed (${code ?? "network"}):`, error);
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: describePublishFailure(title, code),
    });
    return "failed";
  }
}

/** Uploads a document's Markdown (or the answers' JSON) to the channel; the file's comment is the answer. */
export async function exportForPerson(
  client: WebClient,
  deps: AppDeps,
  args: { project: ProjectRow; kind: ExportKind; userId: string; respond: RespondFn },
): Promise<void> {
  const { project, kind, userId, respond } = args;
  const what = exportName(kind);
  const file = await buildExportFile(deps, project, kind);
  try {
    await uploadFile(client, project.channelId, file, `<@${userId}> exported the ${what}.`);
  } catch (error) {
    const code = slackErrorCode(error);
    deps.logger.warn(`Export of ${what} failed (${code ?? "network"}):`, error);
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: describeExportFailure(what, code),
    });
  }
}
