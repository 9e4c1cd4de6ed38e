import type { RespondFn } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { DOCUMENT_TITLES } from "../../../domain/document-kinds.js";
import { publishProjectDocument } from "../../canvas-publisher.js";
import { postToChannel } from "../../post.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { plainMessage } from "../../views/plain-message.js";
import { buildPublicationAnnouncement, describePublication } from "../../views/publication.js";
import { defineSubcommand, type ProjectCommandContext } from "./define-subcommand.js";

/** `/intplan plan` and `/intplan discovery`: publish (or refresh) the document in the channel. */
async function publishCommand(
  { project, ack, respond, client, body, deps }: ProjectCommandContext<"plan" | "discovery">,
  kind: keyof typeof DOCUMENT_TITLES,
): Promise<void> {
  const title = DOCUMENT_TITLES[kind];
  await ack(plainMessage(`:hourglass_flowing_sand: Generating the ${title}…`));
  try {
    const result = await publishProjectDocument(client, deps, {
      projectId: project.id,
      kind,
      actorId: body.user_id,
    });
    const outcome = result?.outcome;
    if (!outcome) return;
    await respond({
      response_type: "ephemeral",
      replace_original: true,
      text: describePublication(title, outcome),
    });
    if (outcome.status !== "unchanged" && outcome.status !== "file") {
      await postToChannel(client, deps.logger, {
        channelId: project.channelId,
        userId: body.user_id,
        respond,
        content: buildPublicationAnnouncement(body.user_id, title, outcome),
      });
    }
  } catch (error) {
    await reportPublishFailure(deps, respond, title, error);
  }
}

async function reportPublishFailure(
  deps: AppDeps,
  respond: RespondFn,
  title: string,
  error: unknown,
): Promise<void> {
  const code = slackErrorCode(error);
  deps.logger.warn(`Publishing the ${title} failed (${code ?? "network"}):`, error);
  const hint =
    code === "not_in_channel" || code === "channel_not_found"
      ? "I am not in this channel: invite me with `/invite @intplan` and try again."
      : "Slack did not accept it just now. Your project data is safe; try again in a minute.";
  await respond({
    response_type: "ephemeral",
    replace_original: true,
    text: `:warning: I could not publish the ${title}${code ? ` (Slack said \`${code}\`)` : ""}. ${hint}`,
  });
}

export const planCommand = defineSubcommand({
  name: "plan",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx, "plan"),
});

export const discoveryCommand = defineSubcommand({
  name: "discovery",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx, "discovery"),
});
