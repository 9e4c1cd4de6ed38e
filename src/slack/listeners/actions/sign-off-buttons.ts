import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { askForSignOff, signOffPhase } from "../../../services/phases-service.js";
import { ACTION } from "../../ids.js";
import { postToChannel } from "../../post.js";
import { mention } from "../../views/mrkdwn.js";
import { buildSignOffRequest, buildSignOffSettled, phaseTitle } from "../../views/phase-messages.js";
import { announcePhaseChange } from "../phase-announcement.js";
import { placeOf, tellNotHere } from "../project-scope.js";
import type { Listeners } from "../registry.js";
import { decodeSignOffValue } from "../sign-off-value.js";

/** The buttons of the sign-off question: sign off, ask the lead or PM to, or cancel. */

type Action = BlockAction<ButtonAction>;

const tell = (respond: RespondFn, text: string) =>
  respond({ response_type: "ephemeral", replace_original: false, text });
const settle = (respond: RespondFn, text: string) =>
  respond({ replace_original: true, ...buildSignOffSettled(text) });

/** What either button asks: its place, the request it carries, and who pressed it. */
const requestOf = (body: Action) => ({
  place: placeOf(body),
  request: decodeSignOffValue(body.actions[0]?.value),
  actorId: body.user.id,
});
const settleAlreadyDone = (respond: RespondFn, request: { phaseNumber: number }) =>
  settle(respond, `*${phaseTitle(request.phaseNumber)}* is already done.`);

/** True when the button is on an ephemeral message (the private sign-off question), not the channel's request. */
const onEphemeral = (body: Action) => body.container?.is_ephemeral === true;

/**
 * Once the channel has the news, the private question has nothing left to say: it goes, rather than being
 * replaced by a private copy of the channel's message. The request in the channel is settled in place
 * instead (its buttons go; who signed stays readable where people asked).
 */
async function closeQuestion(body: Action, respond: RespondFn, settledText: string): Promise<void> {
  if (onEphemeral(body)) await respond({ delete_original: true });
  else await settle(respond, settledText);
}

export function registerSignOffButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<Action>(ACTION.signOffPhase, async ({ ack, body, client, respond }) => {
    await ack();
    const outcome = signOffPhase(deps, requestOf(body));
    switch (outcome.kind) {
      case "not-here":
        await tellNotHere(respond);
        return;
      case "not-allowed":
        await tell(
          respond,
          `Only ${outcome.signers.map((id) => mention(id)).join(" or ")} can sign off a phase.`,
        );
        return;
      case "already-done":
        await settleAlreadyDone(respond, outcome.request);
        return;
      case "signed-off": {
        const { project, change, request } = outcome;
        await announcePhaseChange(client, deps, { project, change, actorId: body.user.id, respond });
        await closeQuestion(
          body,
          respond,
          `:white_check_mark: ${mention(body.user.id)} signed off *${phaseTitle(request.phaseNumber)}*.`,
        );
      }
    }
  });

  listeners.action<Action>(ACTION.askSignOff, async ({ ack, body, client, respond }) => {
    await ack();
    const outcome = askForSignOff(deps, requestOf(body));
    switch (outcome.kind) {
      case "not-here":
        await tellNotHere(respond);
        return;
      case "already-done":
        await settleAlreadyDone(respond, outcome.request);
        return;
      case "done": {
        const { project, change, request } = outcome;
        await settle(
          respond,
          `*${phaseTitle(request.phaseNumber)}* had no open exit criteria left, so it is done.`,
        );
        await announcePhaseChange(client, deps, { project, change, actorId: body.user.id, respond });
        return;
      }
      case "ask": {
        const { project, request, signers } = outcome;
        const asked = await postToChannel(client, deps.logger, {
          channelId: project.channelId,
          userId: body.user.id,
          respond,
          content: buildSignOffRequest({
            phaseNumber: request.phaseNumber,
            openCriteria: outcome.openCriteria,
            signers,
            requesterId: body.user.id,
            value: body.actions[0]?.value ?? "",
          }),
        });
        // The request in the channel is the answer; the question goes. When the channel did not take it,
        // the person has been told why (postToChannel), and the question stays so they can ask again.
        if (asked.postedTo === "channel") await respond({ delete_original: true });
      }
    }
  });

  listeners.action<Action>(ACTION.cancelSignOff, async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true });
  });
}
