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
        await settle(
          respond,
          `:white_check_mark: ${mention(body.user.id)} signed off *${phaseTitle(request.phaseNumber)}*.`,
        );
        await announcePhaseChange(client, deps, { project, change, actorId: body.user.id, respond });
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
        await postToChannel(client, deps.logger, {
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
        await settle(
          respond,
          `Asked ${signers.map((id) => mention(id)).join(" and ")} to sign off *${phaseTitle(request.phaseNumber)}*.`,
        );
      }
    }
  });

  listeners.action<Action>(ACTION.cancelSignOff, async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true });
  });
}
