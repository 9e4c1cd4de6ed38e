import type { AppDeps } from "../../deps.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import type { Subcommand, SubcommandContext, WithProject } from "../context.js";
import { publishProjectDocument } from "../documents/publish-project.js";
import { postToChannel } from "../post.js";
import { slackErrorCode } from "../slack-error-code.js";
import { plainMessage } from "../views/plain-message.js";
import { buildPublicationAnnouncement, describePublication } from "../views/publication.js";

/** `/intplan plan` and `/intplan discovery`: publish (or refresh) the document in the channel. */
async function publishCommand(ctx: SubcommandContext, kind: DocumentKind): Promise<void> {
  const { project, ack, respond, client, body, deps } = ctx as WithProject<typeof ctx.command>;
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
  respond: SubcommandContext["respond"],
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

export const planCommand: Subcommand<"plan"> = {
  name: "plan",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx as SubcommandContext, "plan"),
};

export const discoveryCommand: Subcommand<"discovery"> = {
  name: "discovery",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx as SubcommandContext, "discovery"),
};
