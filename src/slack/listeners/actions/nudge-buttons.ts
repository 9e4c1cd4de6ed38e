import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import {
  askOfNudge,
  dismissNudge,
  isSnoozeDays,
  type NudgeRequest,
  nudgedPhase,
  resolveNudgedBlocker,
  snoozeNudge,
} from "../../../services/nudges-service.js";
import { NUDGE_ACTION } from "../../ids.js";
import { postToChannel } from "../../post.js";
import { buildBlockerResolved } from "../../views/blocker-messages.js";
import { escapeMrkdwn, mention } from "../../views/mrkdwn.js";
import { buildNudgePhaseModal, dayIn, readNudgeButtonValue } from "../../views/nudge-messages.js";
import { settleNudgeMessage, shownNudgeOf, snoozeSettlement } from "../nudge-message-update.js";
import { openModal } from "../open-modal.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";
import { openAskedSections } from "./ask-buttons.js";

/**
 * The buttons of a nudge: act at once (Resolve, Update status, Answer now), Snooze 1 day / 3 days / 1 week,
 * Dismiss. Each change is saved before the ack (a database that refuses it is answered by the safety net,
 * "nothing was changed"); then the message is edited in place, its buttons gone.
 */

type Action = BlockAction<ButtonAction>;

const tell = (respond: RespondFn, text: string) =>
  respond({ response_type: "ephemeral", replace_original: false, text });

const GONE =
  "This reminder is no longer current: its project was deleted or it was replaced. Nothing was changed.";
const notYours = (recipientId: string) =>
  `This reminder is for ${mention(recipientId)}; in the project's channel anyone can act on its items. Nothing was changed.`;

/** The nudge a button names, pressed by whom and where; undefined for a value that is not a nudge's. */
function requestOf(body: Action, action: ButtonAction): NudgeRequest | undefined {
  const value = readNudgeButtonValue(action.value);
  return value && { ...value, userId: body.user.id, place: placeOf(body) };
}

/** The answers every button shares: the nudge is gone, or not the presser's. */
async function tellLookup(
  respond: RespondFn,
  outcome: { kind: "gone" } | { kind: "not-yours"; recipientId: string },
): Promise<void> {
  await tell(respond, outcome.kind === "gone" ? GONE : notYours(outcome.recipientId));
}

export function registerNudgeButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<Action>(NUDGE_ACTION.snoozeMatcher, async ({ ack, body, action, respond, client }) => {
    const days = Number(action.action_id.slice(NUDGE_ACTION.snoozePrefix.length));
    const request = requestOf(body, action);
    if (!request || !isSnoozeDays(days)) {
      await ack();
      await tell(respond, "intplan snoozes for 1 day, 3 days or 1 week only. Nothing was changed.");
      return;
    }
    const outcome = snoozeNudge(deps, { ...request, days });
    await ack();
    switch (outcome.kind) {
      case "gone":
      case "not-yours":
        await tellLookup(respond, outcome);
        return;
      case "already-dismissed":
        await tell(respond, "This reminder was dismissed already, so there is nothing to snooze.");
        return;
      case "already-snoozed": {
        const settled = await snoozeSettlement(deps, { ...outcome, by: body.user.id });
        await tell(
          respond,
          `This reminder is already snoozed until ${dayIn(outcome.until, settled.timeZone)}.`,
        );
        return;
      }
      case "snoozed":
        await settleNudgeMessage(client, deps, {
          shown: shownNudgeOf(body),
          settled: await snoozeSettlement(deps, {
            project: outcome.project,
            until: outcome.until,
            by: body.user.id,
          }),
          respond,
        });
        return;
    }
  });

  listeners.action<Action>(NUDGE_ACTION.dismiss, async ({ ack, body, action, respond, client }) => {
    const request = requestOf(body, action);
    const outcome = request ? dismissNudge(deps, request) : { kind: "gone" as const };
    await ack();
    switch (outcome.kind) {
      case "gone":
      case "not-yours":
        await tellLookup(respond, outcome);
        return;
      case "already-dismissed":
        await tell(respond, "This reminder was dismissed already.");
        return;
      case "dismissed":
        await settleNudgeMessage(client, deps, {
          shown: shownNudgeOf(body),
          settled: { kind: "dismissed", by: body.user.id },
          respond,
        });
        return;
    }
  });

  listeners.action<Action>(NUDGE_ACTION.resolveBlocker, async ({ ack, body, action, respond, client }) => {
    const request = requestOf(body, action);
    const outcome = request ? resolveNudgedBlocker(deps, request) : { kind: "gone" as const };
    await ack();
    switch (outcome.kind) {
      case "gone":
      case "not-yours":
        await tellLookup(respond, outcome);
        return;
      case "no-blocker":
        await tell(respond, "This blocker is not in the project any more. Nothing was changed.");
        return;
      case "already-resolved":
        await tell(
          respond,
          `Blocker #${outcome.blocker.number} (${escapeMrkdwn(outcome.blocker.text)}) is already resolved.`,
        );
        await settleNudgeMessage(client, deps, {
          shown: shownNudgeOf(body),
          settled: { kind: "resolved", by: outcome.blocker.resolvedBy ?? body.user.id },
          respond,
        });
        return;
      case "resolved":
        await settleNudgeMessage(client, deps, {
          shown: shownNudgeOf(body),
          settled: { kind: "resolved", by: body.user.id },
          respond,
        });
        await postToChannel(client, deps.logger, {
          channelId: outcome.project.channelId,
          userId: body.user.id,
          respond,
          content: buildBlockerResolved(outcome.blocker, body.user.id),
        });
        return;
    }
  });

  listeners.action<Action>(NUDGE_ACTION.updatePhase, async ({ ack, body, action, respond, client }) => {
    await ack();
    const request = requestOf(body, action);
    const outcome = request ? nudgedPhase(deps, request) : { kind: "gone" as const };
    switch (outcome.kind) {
      case "gone":
      case "not-yours":
        await tellLookup(respond, outcome);
        return;
      case "no-phase":
        await tell(
          respond,
          "This reminder is not about a phase of the project any more. Nothing was changed.",
        );
        return;
      case "found": {
        const shown = shownNudgeOf(body);
        await openModal(client, deps.logger, {
          triggerId: body.trigger_id,
          view: buildNudgePhaseModal({
            projectId: outcome.project.id,
            nudgeId: request?.nudgeId ?? 0,
            phaseNumber: outcome.phase.number,
            status: outcome.phase.status,
            projectName: outcome.project.name,
            channelId: shown?.channelId ?? null,
            messageTs: shown?.ts ?? null,
          }),
          what: "the phase's status",
          retry: "Please press the button again.",
          respond,
        });
        return;
      }
    }
  });

  listeners.action<Action>(NUDGE_ACTION.answerAsk, async ({ ack, body, action, respond, client }) => {
    await ack();
    const request = requestOf(body, action);
    const outcome = request ? askOfNudge(deps, request) : { kind: "gone" as const };
    switch (outcome.kind) {
      case "gone":
      case "not-yours":
        await tellLookup(respond, outcome);
        return;
      case "no-ask":
        await tell(respond, "This ask is not in the project any more: there is nothing to answer.");
        return;
      case "found":
        // The ask's own button, exactly: the person asked opens what they still owe.
        await openAskedSections(deps, {
          value: { projectId: outcome.projectId, sectionIds: outcome.sectionIds },
          body,
          client,
          respond,
        });
        return;
    }
  });
}
