import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../../deps.js";
import { askedSections, askedWalk, cancelAsks } from "../../../services/asks-service.js";
import { interviewOf, interviewScreen } from "../../../services/discovery-interview.js";
import { findProjectHere } from "../../../services/projects-service.js";
import { readWholeNumber } from "../../action-value.js";
import { ACTION } from "../../ids.js";
import { buildInterviewModal } from "../../interview-modal.js";
import { readAskButtonValue } from "../../views/ask-messages.js";
import { mention } from "../../views/mrkdwn.js";
import { updateAskMessages } from "../ask-message-updates.js";
import { openModal } from "../open-modal.js";
import { placeOf, workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

const tell = (respond: (m: object) => Promise<unknown>, text: string) =>
  respond({ response_type: "ephemeral", replace_original: false, text });

/**
 * What an ask's button does (and the "Answer now" of an ask's reminder): opens the sections the person was
 * asked for and still owes; for someone else, in the project's channel, the same sections as
 * `/intplan interview` would; anywhere else, says why not.
 */
export async function openAskedSections(
  deps: AppDeps,
  args: {
    value: { projectId: number; sectionIds: string[] } | undefined;
    body: BlockAction<ButtonAction>;
    client: WebClient;
    respond: RespondFn;
  },
): Promise<void> {
  const { value, body, client, respond } = args;
  const found = value && askedWalk(deps, { ...value, userId: body.user.id });
  if (!value || !found || found.kind === "gone") {
    await tell(respond, "This project no longer exists, so there is nothing to answer.");
    return;
  }
  let opened: { ctx: Parameters<typeof buildInterviewModal>[0]; walk: number[] } | undefined;
  if (found.kind === "open") opened = found;
  else {
    // Not the person asked (or their asks are closed): in the project's own channel, a member opens those
    // sections as they could with `/intplan interview`; anywhere else the button is not theirs.
    const here =
      findProjectHere(deps, placeOf(body), found.project.id) !== undefined &&
      workspaceOf(body) === found.project.teamId;
    if (!here || found.kind === "closed") {
      await tell(
        respond,
        found.kind === "closed"
          ? found.reason === "answered"
            ? "You have answered these already. Thank you!"
            : "This ask was cancelled: it is no longer needed."
          : `This button is for the person who was asked. ${mention(body.user.id)}, \`/intplan interview\` in the project's channel opens any section.`,
      );
      return;
    }
    const ctx = interviewOf(found.project);
    opened = { ctx, walk: askedSections(found.project, value.sectionIds).map((s) => s.index) };
  }
  const [first] = opened.walk;
  if (first === undefined) {
    await tell(respond, "These sections are not in this project's questionnaire any more.");
    return;
  }
  await openModal(client, deps.logger, {
    triggerId: body.trigger_id,
    view: buildInterviewModal(opened.ctx, interviewScreen(deps, opened.ctx, first), [], opened.walk),
    what: "the sections you were asked for",
    retry: "Please press the button again; every answer so far is saved.",
    respond,
  });
}

/** The buttons of `/intplan ask`: the ask's "Answer …", and the confirmation of cancelling every ask. */
export function registerAskButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<ButtonAction>>(
    ACTION.openAsk,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      await openAskedSections(deps, { value: readAskButtonValue(action.value), body, client, respond });
    },
  );

  listeners.action<BlockAction<ButtonAction>>(ACTION.keepAsks, async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Nothing was cancelled; the asks stay open." });
  });

  listeners.action<BlockAction<ButtonAction>>(
    ACTION.cancelAllAsks,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const project = findProjectHere(deps, placeOf(body), readWholeNumber(action.value));
      if (!project) {
        await respond({ replace_original: true, text: "That project is not in this channel any more." });
        return;
      }
      const closed = cancelAsks(deps, { project, actorId: body.user.id });
      await respond({
        replace_original: true,
        text:
          closed.length === 0
            ? "There were no open asks left to cancel."
            : `Cancelled ${closed.length} open ask${closed.length === 1 ? "" : "s"}; each message says it is no longer needed.`,
      });
      await updateAskMessages(client, deps, { project, closed, reason: "cancelled", by: body.user.id });
    },
  );
}
