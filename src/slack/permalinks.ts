import type { WebClient } from "@slack/web-api";
import type { AppLogger } from "../logger.js";
import { slackErrorCode } from "./slack-error-code.js";

/**
 * A file's or a canvas' link as Slack gives it: `files.info` → `file.permalink` (scope `files:read`), never
 * built by hand. Undefined when Slack would not say (logged, with a hint when the scope is missing): the
 * caller shows no link rather than a made-up one.
 */
export async function filePermalink(
  client: WebClient,
  logger: AppLogger,
  fileId: string,
  then: string,
): Promise<string | undefined> {
  try {
    const res = await client.files.info({ file: fileId });
    return res.file?.permalink || undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    const hint = code === "missing_scope" ? ": reinstall the app so it has files:read" : "";
    logger.warn(`files.info on ${fileId} failed (${code ?? "network"})${hint}; ${then}`);
    return undefined;
  }
}
