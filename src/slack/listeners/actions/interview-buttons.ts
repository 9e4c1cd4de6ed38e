import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import {
  type InterviewContext,
  interviewOf,
  interviewScreen,
  keepSectionInput,
  projectForInterviewButton,
  resolveStartSection,
  SUMMARY,
  sectionAfter,
  sectionBefore,
  sectionOrSummary,
  WALK_DONE,
} from "../../../services/discovery-interview.js";
import { readWholeNumber } from "../../action-value.js";
import { ACTION } from "../../ids.js";
import {
  buildInterviewModal,
  decodeMetadata,
  interviewPlaceOf,
  replacedNotices,
} from "../../interview-modal.js";
import { isSlackUserId } from "../../slack-user-id.js";
import {
  buildInterviewGoneView,
  INTERVIEW_ACTION,
  OPEN_SECTION_ACTION,
  readSectionState,
} from "../../views/interview-view.js";
import { interviewForModal, walkDoneView } from "../asked-interview.js";
import { openModal } from "../open-modal.js";
import { workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** Moves an open interview modal to another section, keeping what was changed in the current one. */
async function moveTo(
  deps: AppDeps,
  body: BlockAction,
  client: Parameters<Parameters<App["action"]>[1]>[0]["client"],
  target: (ctx: InterviewContext, current: number, walk?: readonly number[]) => number,
): Promise<void> {
  const view = body.view;
  if (!view) return;
  const meta = decodeMetadata(view.private_metadata);
  // A modal opened before the project moved to another questionnaire version is placed by section id.
  const found =
    meta &&
    interviewForModal(deps, {
      teamId: workspaceOf(body),
      userId: body.user.id,
      place: interviewPlaceOf(meta),
      openedOn: meta.v,
    });
  const place = found?.place;
  const ctx = found;
  if (!place || !ctx) {
    await client.views.update({ view_id: view.id, view: buildInterviewGoneView() });
    return;
  }
  const current = ctx.questionnaire.sections[place.sectionIndex];
  const { replaced } = current
    ? keepSectionInput(deps, ctx, {
        isPersonId: isSlackUserId,
        ...place,
        raw: readSectionState(current, view.state.values),
        actorId: body.user.id,
        submit: false,
      })
    : { replaced: [] };
  const next = target(ctx, place.sectionIndex, place.walk);
  if (place.walk && next === WALK_DONE) {
    await client.views.update({ view_id: view.id, hash: view.hash, view: walkDoneView(ctx, place.walk) });
    return;
  }
  const screen = interviewScreen(deps, ctx, next);
  await client.views.update({
    view_id: view.id,
    hash: view.hash,
    view: buildInterviewModal(ctx, screen, replacedNotices(ctx, replaced), place.walk),
  });
}

/** Back, Skip, Open (from the summary), and the project card's "Start discovery interview". */
export function registerInterviewActions(app: Listeners, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(INTERVIEW_ACTION.back, async ({ ack, body, client }) => {
    await ack();
    await moveTo(deps, body, client, (_ctx, s, walk) => sectionBefore(s, walk));
  });
  app.action<BlockAction<ButtonAction>>(INTERVIEW_ACTION.skip, async ({ ack, body, client }) => {
    await ack();
    await moveTo(deps, body, client, sectionAfter);
  });
  app.action<BlockAction<ButtonAction>>(OPEN_SECTION_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const index = readWholeNumber(action.value);
    // The summary's "Open" buttons; a walk never shows the summary, so it has none.
    await moveTo(deps, body, client, (ctx) => sectionOrSummary(ctx, index ?? SUMMARY));
  });

  app.action<BlockAction<ButtonAction>>(
    ACTION.startInterview,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const project = projectForInterviewButton(deps, {
        teamId: workspaceOf(body),
        projectId: readWholeNumber(action.value) ?? 0,
        channelId: body.channel?.id,
      });
      if (!project) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "This project is not in this channel.",
        });
        return;
      }
      const start = resolveStartSection(deps, project, null);
      const interview = interviewOf(project);
      const screen = interviewScreen(deps, interview, start.ok ? start.sectionIndex : 0);
      await openModal(client, deps.logger, {
        triggerId: body.trigger_id,
        view: buildInterviewModal(interview, screen),
        what: "the interview",
        retry: "Please press the button again, or run `/intplan interview`; every answer so far is saved.",
        respond,
      });
    },
  );
}
