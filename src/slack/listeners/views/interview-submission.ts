import type { ViewOutput } from "@slack/bolt";
import type { AppDeps } from "../../../deps.js";
import { closeAsksOnSave } from "../../../services/asks-service.js";
import {
  type InterviewContext,
  type InterviewPlace,
  interviewScreen,
  keepSectionInput,
  SUMMARY,
  sectionAfter,
  WALK_DONE,
} from "../../../services/discovery-interview.js";
import {
  buildInterviewModal,
  decodeMetadata,
  interviewPlaceOf,
  replacedNotices,
} from "../../interview-modal.js";
import { isSlackUserId } from "../../slack-user-id.js";
import {
  buildInterviewGoneView,
  INTERVIEW_CALLBACK_ID,
  readSectionState,
} from "../../views/interview-view.js";
import { updateAskMessages } from "../ask-message-updates.js";
import { interviewForModal, walkDoneView } from "../asked-interview.js";
import { workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The section on screen, when the view is an interview section of a project in this workspace. */
function sectionOf(
  deps: AppDeps,
  teamId: string,
  view: ViewOutput,
  userId: string,
): (InterviewContext & { place: InterviewPlace & { walk?: readonly number[] } }) | undefined {
  const meta = decodeMetadata(view.private_metadata);
  if (!meta || meta.s === SUMMARY) return undefined;
  const found = interviewForModal(deps, { teamId, userId, place: interviewPlaceOf(meta), openedOn: meta.v });
  return found?.questionnaire.sections[found.place.sectionIndex] ? found : undefined;
}

/**
 * Next/Finish on a section, and closing a section midway: nothing typed is ever lost, and only what this
 * person changed in the modal is written (someone else may have answered meanwhile).
 */
export function registerInterviewSubmissions(app: Listeners, deps: AppDeps): void {
  app.view(INTERVIEW_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const ctx = sectionOf(deps, workspaceOf(body), view, body.user.id);
    const current = ctx?.questionnaire.sections[ctx.place.sectionIndex];
    if (!ctx || !current) {
      await ack({ response_action: "update", view: buildInterviewGoneView() });
      return;
    }
    const { replaced, errors } = keepSectionInput(deps, ctx, {
      isPersonId: isSlackUserId,
      ...ctx.place,
      raw: readSectionState(current, view.state.values),
      actorId: body.user.id,
      submit: true,
    });
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    // A "Save and next" that went through answers the asks for this section (see asks-service.ts).
    const closed = closeAsksOnSave(deps, {
      ctx,
      sectionIndex: ctx.place.sectionIndex,
      actorId: body.user.id,
    });
    const { walk } = ctx.place;
    const next = sectionAfter(ctx, ctx.place.sectionIndex, walk);
    if (walk && next === WALK_DONE) await ack({ response_action: "update", view: walkDoneView(ctx, walk) });
    else {
      const screen = interviewScreen(deps, ctx, next);
      await ack({
        response_action: "update",
        view: buildInterviewModal(ctx, screen, replacedNotices(ctx, replaced), walk),
      });
    }
    if (closed.length > 0)
      await updateAskMessages(client, deps, {
        project: ctx.project,
        closed,
        reason: "answered",
        by: body.user.id,
      });
  });

  // Saved before the ack (a few milliseconds of SQLite), so when Slack hears back the work is done; acked
  // even when the write fails (the modal is already gone, so there is no one to tell but the log).
  app.view({ callback_id: INTERVIEW_CALLBACK_ID, type: "view_closed" }, async ({ ack, body, view }) => {
    try {
      const ctx = sectionOf(deps, workspaceOf(body), view, body.user.id);
      const current = ctx?.questionnaire.sections[ctx.place.sectionIndex];
      if (ctx && current)
        keepSectionInput(deps, ctx, {
          isPersonId: isSlackUserId,
          ...ctx.place,
          raw: readSectionState(current, view.state.values),
          actorId: body.user.id,
          submit: false,
          // "Save & close": what the profile offered and the person left as shown is saved too.
          keepOffered: true,
        });
    } finally {
      await ack();
    }
  });
}
