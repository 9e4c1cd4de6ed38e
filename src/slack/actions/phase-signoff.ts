import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { changePhaseStatus } from "../../db/phases.js";
import { findProjectByChannel } from "../../db/projects.js";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import { canSignOff, signOffPeople } from "../../domain/phase-rules.js";
import { announcePhaseChange } from "../commands/phase.js";
import { ACTION } from "../ids.js";
import { postToChannel } from "../post.js";
import { mention } from "../views/mrkdwn.js";
import { buildSignOffRequest, buildSignOffSettled, phaseTitle } from "../views/phase-messages.js";
import { decodeSignOffValue, type SignOffRequest } from "./phase-signoff-value.js";

/** The buttons of the sign-off question: sign off, ask the lead or PM to, or cancel. */

type Action = BlockAction<ButtonAction>;

const tell = (respond: RespondFn, text: string) =>
  respond({ response_type: "ephemeral", replace_original: false, text });
const settle = (respond: RespondFn, text: string) =>
  respond({ replace_original: true, ...buildSignOffSettled(text) });

/** The request and its project, only when the button is used in that project's own channel and workspace. */
function readRequest(
  deps: AppDeps,
  body: Action,
): { request: SignOffRequest; project: ProjectRow } | undefined {
  const request = decodeSignOffValue(body.actions[0]?.value);
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  const channelId = body.channel?.id ?? "";
  const project = findProjectByChannel(deps.db, { teamId, channelId });
  return request && project?.id === request.projectId ? { request, project } : undefined;
}

const NOT_HERE = "This button belongs to a project that is not in this channel any more.";

function markDone(
  deps: AppDeps,
  project: ProjectRow,
  request: SignOffRequest,
  actorId: string,
  signingOff: boolean,
) {
  return changePhaseStatus(deps.db, {
    projectId: project.id,
    phaseNumber: request.phaseNumber,
    status: "done",
    note: request.note,
    signingOff,
    actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
}

export function registerPhaseSignOffActions(app: App, deps: AppDeps): void {
  app.action<Action>(ACTION.signOffPhase, async ({ ack, body, client, respond }) => {
    await ack();
    const found = readRequest(deps, body);
    if (!found) {
      await tell(respond, NOT_HERE);
      return;
    }
    const { request, project } = found;
    const signers = signOffPeople(project);
    if (!canSignOff(project, body.user.id)) {
      await tell(respond, `Only ${signers.map((id) => mention(id)).join(" or ")} can sign off a phase.`);
      return;
    }
    const change = markDone(deps, project, request, body.user.id, true);
    if (change.kind !== "changed") {
      await settle(respond, `*${phaseTitle(request.phaseNumber)}* is already done.`);
      return;
    }
    await settle(
      respond,
      `:white_check_mark: ${mention(body.user.id)} signed off *${phaseTitle(request.phaseNumber)}*.`,
    );
    await announcePhaseChange(client, deps, { project, change, actorId: body.user.id, respond });
  });

  app.action<Action>(ACTION.askSignOff, async ({ ack, body, client, respond }) => {
    await ack();
    const found = readRequest(deps, body);
    if (!found) {
      await tell(respond, NOT_HERE);
      return;
    }
    const { request, project } = found;
    // The criteria may have been ticked since: then the phase simply moves to done.
    const change = markDone(deps, project, request, body.user.id, false);
    if (change.kind === "unchanged") {
      await settle(respond, `*${phaseTitle(request.phaseNumber)}* is already done.`);
      return;
    }
    if (change.kind === "changed") {
      await settle(
        respond,
        `*${phaseTitle(request.phaseNumber)}* had no open exit criteria left, so it is done.`,
      );
      await announcePhaseChange(client, deps, { project, change, actorId: body.user.id, respond });
      return;
    }
    const signers = signOffPeople(project);
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user.id,
      respond,
      content: buildSignOffRequest({
        phaseNumber: request.phaseNumber,
        openCriteria: change.openExitCriteria.map((c) => c.label),
        signers,
        requesterId: body.user.id,
        value: body.actions[0]?.value ?? "",
      }),
    });
    await settle(
      respond,
      `Asked ${signers.map((id) => mention(id)).join(" and ")} to sign off *${phaseTitle(request.phaseNumber)}*.`,
    );
  });

  app.action<Action>(ACTION.cancelSignOff, async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true });
  });
}
