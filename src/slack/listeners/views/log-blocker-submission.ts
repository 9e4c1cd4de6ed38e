import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import { logBlockerFromMessage } from "../../../services/blockers-service.js";
import { CALLBACK } from "../../ids.js";
import { postToChannel } from "../../post.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import { isSlackUserId } from "../../slack-user-id.js";
import { buildBlockerAdded } from "../../views/blocker-messages.js";
import { BLOCKER_FIELD, CLIENT_OPTION } from "../../views/blocker-modal.js";
import { readBlockValues } from "../../views/view-state.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The "Log as blocker" modal, submitted: the message becomes a blocker linked to it. */

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().min(1),
  messageTs: z.string().min(1),
});

const PERMALINK_WAIT_MS = 1_000;

/** The message's link; a blocker without one still links by timestamp, so a failure here is not fatal. */
async function permalinkOf(
  client: WebClient,
  deps: Pick<AppDeps, "logger">,
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

const errorOnText = (text: string) => ({
  response_action: "errors" as const,
  errors: { [BLOCKER_FIELD.text]: text },
});

export function registerLogBlockerSubmission(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK.logBlocker, async ({ ack, body, view, client }) => {
    const metadata = readPrivateMetadata(metadataSchema, view.private_metadata);
    if (!metadata) {
      await ack(errorOnText("This channel's project is gone; nothing was logged."));
      return;
    }
    const values = readBlockValues(view.state);
    const owner = values[BLOCKER_FIELD.owner];
    const clientFlag = values[BLOCKER_FIELD.client];
    const outcome = await logBlockerFromMessage(deps, {
      place: placeOf(body, metadata.channelId),
      projectId: metadata.projectId,
      input: {
        text: String(values[BLOCKER_FIELD.text] ?? ""),
        ownerId: typeof owner === "string" && isSlackUserId(owner) ? owner : null,
        waitingOnClient: Array.isArray(clientFlag) && clientFlag.includes(CLIENT_OPTION),
      },
      message: {
        ts: metadata.messageTs,
        permalink: (project) => permalinkOf(client, deps, project.channelId, metadata.messageTs),
      },
      actorId: body.user.id,
    });
    if (outcome.kind === "not-here") {
      await ack(errorOnText("This channel's project is gone; nothing was logged."));
      return;
    }
    if (outcome.kind === "invalid") {
      await ack(errorOnText(outcome.error));
      return;
    }
    if (outcome.kind === "already-logged") {
      await ack(errorOnText(`This message is already open blocker #${outcome.blocker.number}.`));
      return;
    }
    await ack();
    await postToChannel(client, deps.logger, {
      channelId: outcome.project.channelId,
      userId: body.user.id,
      content: buildBlockerAdded(outcome.blocker, body.user.id),
    });
  });
}
