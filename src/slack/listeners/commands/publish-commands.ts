import type { RespondFn } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { DOCUMENT_TITLES } from "../../../domain/document-kinds.js";
import { publishProjectDocument } from "../../canvas-publisher.js";
import { postToChannel } from "../../post.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { buildNoProjectMessage } from "../../views/help.js";
import { buildPublicationAnnouncement, describeUnchanged } from "../../views/publication.js";
import { defineSubcommand, type ProjectCommandContext } from "./define-subcommand.js";

/**
 * `/intplan plan` and `/intplan discovery`: publish (or refresh) the document in the channel.
 *
 * One reply per run. The ack is empty (Slack wants it within 3 seconds; publishing is a few Slack calls,
 * done after it), then: a new version is announced in the channel, and the person is told nothing more
 * privately (the announcement is their answer); a Markdown file posted instead of a canvas carries its own
 * explanation in the channel; only news for this person alone ("already up to date", a failure) comes
 * privately, once. A "Generating…" ack followed by the result would be two private messages: a slash
 * command's response_url cannot replace its first reply (emulator/slack-emulator-responses.ts).
 */
async function publishCommand(
  { project, ack, respond, client, body, deps }: ProjectCommandContext<"plan" | "discovery">,
  kind: keyof typeof DOCUMENT_TITLES,
): Promise<void> {
  const title = DOCUMENT_TITLES[kind];
  await ack();
  try {
    const result = await publishProjectDocument(client, deps, {
      projectId: project.id,
      kind,
      actorId: body.user_id,
    });
    const outcome = result?.outcome;
    if (!outcome) {
      await respond({ response_type: "ephemeral", ...buildNoProjectMessage() });
      return;
    }
    if (outcome.status === "unchanged") {
      await respond({
        response_type: "ephemeral",
        text: describeUnchanged(title, outcome.version, outcome.permalink),
      });
      return;
    }
    if (outcome.status === "file") return;
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user_id,
      respond,
      content: buildPublicationAnnouncement(body.user_id, title, outcome),
    });
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
