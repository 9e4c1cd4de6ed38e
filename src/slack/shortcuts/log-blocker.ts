import type { App, MessageShortcut } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { addBlocker } from "../../db/blockers.js";
import { findProjectByChannel } from "../../db/projects.js";
import { type AppDeps, refreshAt } from "../../deps.js";
import { checkBlockerText } from "../../domain/blockers.js";
import { CALLBACK } from "../ids.js";
import { postToChannel } from "../post.js";
import { readPrivateMetadata } from "../private-metadata.js";
import { blockerTextFromMessage } from "../slack-text.js";
import { isSlackUserId } from "../slack-user-id.js";
import { buildBlockerAdded } from "../views/blocker-messages.js";
import { BLOCKER_FIELD, buildBlockerModal, CLIENT_OPTION } from "../views/blocker-modal.js";
import { buildNoProjectMessage } from "../views/help.js";
import { readBlockValues } from "../views/view-state.js";

/** The "Log as blocker" message shortcut: any message in a project channel becomes a blocker linked to it. */

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().min(1),
  messageTs: z.string().min(1),
});

const PERMALINK_WAIT_MS = 1_000;

/** The message's link; a blocker without one still links by timestamp, so a failure here is not fatal. */
async function permalinkOf(
  client: WebClient,
  deps: AppDeps,
  channel: string,
  messageTs: string,
): Promise<string | null> {
  // The modal waits on this before its ack, so a slow Slack costs the link, never the 3-second window.
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PERMALINK_WAIT_MS);
  });
  const lookUp = client.chat
    .getPermalink({ channel, message_ts: messageTs })
    .then((res) => res.permalink ?? null)
    .catch((error: unknown) => {
      deps.logger.warn("chat.getPermalink failed for a logged blocker:", error);
      return null;
    });
  try {
    return await Promise.race([lookUp, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerLogBlockerShortcut(app: App, deps: AppDeps): void {
  app.shortcut<MessageShortcut>(CALLBACK.logBlockerShortcut, async ({ ack, shortcut, client, respond }) => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
    const project = findProjectByChannel(deps.db, { teamId, channelId: shortcut.channel.id });
    if (!project) {
      await respond({ response_type: "ephemeral", ...buildNoProjectMessage() });
      return;
    }
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: buildBlockerModal({
        projectId: project.id,
        channelId: project.channelId,
        messageTs: shortcut.message.ts,
        text: blockerTextFromMessage(shortcut.message.text ?? ""),
        projectName: project.name,
      }),
    });
  });

  app.view(CALLBACK.logBlocker, async ({ ack, body, view, client }) => {
    const metadata = readPrivateMetadata(metadataSchema, view.private_metadata);
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const project = metadata
      ? findProjectByChannel(deps.db, { teamId, channelId: metadata.channelId })
      : undefined;
    if (!metadata || !project || project.id !== metadata.projectId) {
      await ack({
        response_action: "errors",
        errors: { [BLOCKER_FIELD.text]: "This channel's project is gone; nothing was logged." },
      });
      return;
    }
    const values = readBlockValues(view.state);
    const text = checkBlockerText(String(values[BLOCKER_FIELD.text] ?? ""));
    if (!text.ok) {
      await ack({ response_action: "errors", errors: { [BLOCKER_FIELD.text]: text.error } });
      return;
    }
    const owner = values[BLOCKER_FIELD.owner];
    const clientFlag = values[BLOCKER_FIELD.client];
    const result = addBlocker(deps.db, {
      projectId: project.id,
      input: {
        text: text.text,
        ownerId: typeof owner === "string" && isSlackUserId(owner) ? owner : null,
        waitingOnClient: Array.isArray(clientFlag) && clientFlag.includes(CLIENT_OPTION),
      },
      source: {
        ts: metadata.messageTs,
        permalink: await permalinkOf(client, deps, project.channelId, metadata.messageTs),
      },
      actorId: body.user.id,
      at: deps.clock(),
      runAfter: refreshAt(deps),
    });
    if (result.kind === "already-logged") {
      await ack({
        response_action: "errors",
        errors: { [BLOCKER_FIELD.text]: `This message is already open blocker #${result.blocker.number}.` },
      });
      return;
    }
    await ack();
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user.id,
      content: buildBlockerAdded(result.blocker, body.user.id),
    });
  });
}
