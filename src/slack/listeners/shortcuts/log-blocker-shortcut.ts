import type { MessageShortcut } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { findProjectHere } from "../../../services/projects-service.js";
import { CALLBACK } from "../../ids.js";
import { blockerTextFromMessage } from "../../slack-text.js";
import { buildBlockerModal } from "../../views/blocker-modal.js";
import { buildNoProjectMessage } from "../../views/help.js";
import { openModal } from "../open-modal.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The "Log as blocker" message shortcut: any message in a project channel becomes a blocker linked to it. */
export function registerLogBlockerShortcut(listeners: Listeners, deps: AppDeps): void {
  listeners.shortcut<MessageShortcut>(
    CALLBACK.logBlockerShortcut,
    async ({ ack, shortcut, client, respond }) => {
      await ack();
      const project = findProjectHere(deps, placeOf(shortcut, shortcut.channel.id));
      if (!project) {
        await respond({ response_type: "ephemeral", ...buildNoProjectMessage() });
        return;
      }
      await openModal(client, deps.logger, {
        triggerId: shortcut.trigger_id,
        view: buildBlockerModal({
          projectId: project.id,
          channelId: project.channelId,
          messageTs: shortcut.message.ts,
          text: blockerTextFromMessage(shortcut.message.text ?? ""),
          projectName: project.name,
        }),
        what: "the blocker form",
        retry: "Please use *Log as blocker* on the message again.",
        respond,
      });
    },
  );
}
