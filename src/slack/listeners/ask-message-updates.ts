import type { WebClient } from "@slack/web-api";
import type { AskRow, ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import { askedSections, asksOfMessage } from "../../services/asks-service.js";
import { slackErrorCode } from "../slack-error-code.js";
import { buildAskClosedMessage, buildAskMessage } from "../views/ask-messages.js";

/** The asker's name as Slack shows it, for a message in a channel (where a mention would notify them). */
export async function askerName(deps: Pick<AppDeps, "people">, userId: string): Promise<string | undefined> {
  const name = await deps.people.person(userId);
  return name.status === "named" ? name.name : undefined;
}

/**
 * After asks closed (answered or cancelled): edits each message that carried them, in place (chat.update, so
 * no new message and no new notification). A message whose asks are all closed says so and loses its button;
 * one that still has open asks keeps its button for those. The asks are already closed in the database: a
 * message Slack will not edit (deleted, edit window closed) is only logged.
 */
export async function updateAskMessages(
  client: WebClient,
  deps: Pick<AppDeps, "db" | "logger" | "people">,
  args: { project: ProjectRow; closed: readonly AskRow[]; reason: "answered" | "cancelled"; by: string },
): Promise<void> {
  const messages = new Map<string, { channel: string; ts: string }>();
  for (const ask of args.closed) {
    if (ask.messageChannel && ask.messageTs)
      messages.set(`${ask.messageChannel}/${ask.messageTs}`, {
        channel: ask.messageChannel,
        ts: ask.messageTs,
      });
  }
  for (const { channel, ts } of messages.values()) {
    const onMessage = asksOfMessage(deps, channel, ts);
    const open = onMessage.filter((a) => a.closedAt === null);
    const first = onMessage[0];
    const inChannel = channel === args.project.channelId;
    const content =
      open.length === 0 || !first
        ? buildAskClosedMessage({
            sections: askedSections(
              args.project,
              onMessage.map((a) => a.sectionId),
            ),
            projectName: args.project.name,
            reason: args.reason,
            by: args.by,
          })
        : buildAskMessage({
            project: args.project,
            askedBy: first.askedBy,
            personId: first.personId,
            sections: askedSections(
              args.project,
              open.map((a) => a.sectionId),
            ),
            note: first.note,
            inChannel,
            askedByName: inChannel ? await askerName(deps, first.askedBy) : undefined,
          });
    try {
      await client.chat.update({ channel, ts, ...content });
    } catch (error) {
      deps.logger.warn(
        `The ask message ${channel}/${ts} of project ${args.project.id} was not updated (${slackErrorCode(error) ?? "no answer"})`,
      );
    }
  }
}
