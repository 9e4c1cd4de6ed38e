import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import { submitSettingsForm } from "../../../services/settings-service.js";
import { CALLBACK_NUDGE } from "../../ids.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import { slackErrorCode } from "../../slack-error-code.js";
import type { MessageContent } from "../../views/block-kit.js";
import {
  buildSettingsSavedMessage,
  readSettingsModal,
  settingsFormErrors,
} from "../../views/settings-modal.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().regex(/^[CG][A-Z0-9]{2,30}$/),
});

/** Tells the person who saved, just them: in the channel (ephemeral), else by DM. Never throws. */
async function tellSaver(
  client: WebClient,
  deps: AppDeps,
  args: { channelId: string; userId: string; content: MessageContent },
): Promise<void> {
  try {
    await client.chat.postEphemeral({ channel: args.channelId, user: args.userId, ...args.content });
    return;
  } catch (error) {
    deps.logger.warn(
      `chat.postEphemeral of the settings confirmation failed (${slackErrorCode(error) ?? "network"})`,
    );
  }
  try {
    await client.chat.postMessage({ channel: args.userId, ...args.content });
  } catch (error) {
    deps.logger.warn(`The settings confirmation by DM failed too (${slackErrorCode(error) ?? "network"})`);
  }
}

/**
 * The `/intplan settings` modal, submitted: refused for a person who may not change the settings (any more),
 * a problem said on its field, else saved (one transaction) and the modal closes; the person then hears what
 * changed.
 */
export function registerSettingsSubmission(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK_NUDGE.settings, async ({ ack, body, view, client }) => {
    const meta = readPrivateMetadata(metadataSchema, view.private_metadata);
    const outcome = meta
      ? submitSettingsForm(deps, {
          place: placeOf(body, meta.channelId),
          projectId: meta.projectId,
          userId: body.user.id,
          form: readSettingsModal(view.state),
        })
      : ({ kind: "not-here" } as const);
    switch (outcome.kind) {
      case "not-here":
        await ack(
          settingsFormErrors({
            enabled:
              "This form is out of date (the project is not in this channel any more). Close it; nothing was saved.",
          }),
        );
        return;
      case "not-allowed":
        await ack(settingsFormErrors({ enabled: outcome.reason }));
        return;
      case "invalid":
        await ack(settingsFormErrors(outcome.errors));
        return;
      case "unchanged":
      case "saved":
        await ack();
        await tellSaver(client, deps, {
          channelId: outcome.project.channelId,
          userId: body.user.id,
          content: buildSettingsSavedMessage({
            project: outcome.project,
            changes: outcome.kind === "saved" ? outcome.changes : [],
          }),
        });
        return;
    }
  });
}
