import type { WebClient } from "@slack/web-api";
import type { AppLogger } from "../logger.js";
import type { UploadedFiles, VersionUploadPort } from "../services/document-versions.js";
import { uploadFiles } from "./canvas-publisher.js";
import { filePermalink } from "./permalinks.js";
import { versionUploadComment } from "./views/version-messages.js";

/**
 * The file's link as Slack gives it: from the upload's answer when it carries one, else files.info's.
 * Without one the files are still there: the version just lists no link.
 */
async function permalinkOf(
  client: WebClient,
  logger: AppLogger,
  file: { id: string; permalink?: string },
): Promise<string | null> {
  return file.permalink ?? (await filePermalink(client, logger, file.id, "no link kept")) ?? null;
}

/** Uploads a frozen version's Word and Markdown files (or its Markdown alone) to the channel, in one message. */
export function slackVersionUploader(client: WebClient, logger: AppLogger): VersionUploadPort {
  return {
    async upload(channelId, files, version, actorId): Promise<UploadedFiles> {
      if (files.noWord)
        logger.warn(`No Word file for version ${version.id}: ${files.wordProblem ?? files.noWord}`);
      const uploaded = await uploadFiles(
        client,
        channelId,
        files.docx ? [files.docx, files.markdown] : [files.markdown],
        versionUploadComment(version, actorId, files.noWord),
      );
      const [docx, markdown] = files.docx ? uploaded : [undefined, uploaded[0]];
      if (!markdown || (files.docx && !docx)) throw new Error("Slack did not answer with every file");
      return {
        docxFileId: docx?.id ?? null,
        markdownFileId: markdown.id,
        permalink: await permalinkOf(client, logger, docx ?? markdown),
      };
    },
  };
}
