import type { ViewOutput } from "@slack/bolt";
import type { AppDeps } from "../../deps.js";
import {
  buildInterviewView,
  decodeMetadata,
  type InterviewContext,
  type InterviewMetadata,
  keepSectionInput,
  loadInterview,
  SUMMARY,
} from "../interview/session.js";
import type { Listeners } from "../listeners/registry.js";
import { buildInterviewGoneView, INTERVIEW_CALLBACK_ID, readSectionState } from "../views/interview-view.js";

function teamOf(body: { team?: { id?: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? "";
}

/** The section on screen, when the view is an interview section of a project in this workspace. */
function sectionOf(
  deps: AppDeps,
  teamId: string,
  view: ViewOutput,
): (InterviewContext & { index: number; meta: InterviewMetadata }) | undefined {
  const meta = decodeMetadata(view.private_metadata);
  if (!meta || meta.s === SUMMARY) return undefined;
  const ctx = loadInterview(deps, teamId, meta);
  return ctx ? { ...ctx, index: meta.s, meta } : undefined;
}

/**
 * Next/Finish on a section, and closing a section midway: nothing typed is ever lost, and only what this
 * person changed in the modal is written (someone else may have answered meanwhile).
 */
export function registerInterviewSubmissions(app: Listeners, deps: AppDeps): void {
  app.view(INTERVIEW_CALLBACK_ID, async ({ ack, body, view }) => {
    const ctx = sectionOf(deps, teamOf(body), view);
    const current = ctx?.questionnaire.sections[ctx.index];
    if (!ctx || !current) {
      await ack({ response_action: "update", view: buildInterviewGoneView() });
      return;
    }
    const { notices, errors } = keepSectionInput(deps, ctx, {
      meta: ctx.meta,
      raw: readSectionState(current, view.state.values),
      actorId: body.user.id,
      submit: true,
    });
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    const next = ctx.index + 1 < ctx.questionnaire.sections.length ? ctx.index + 1 : SUMMARY;
    await ack({ response_action: "update", view: buildInterviewView(deps, ctx, next, notices) });
  });

  // Saved before the ack (a few milliseconds of SQLite), so when Slack hears back the work is done; acked
  // even when the write fails (the modal is already gone, so there is no one to tell but the log).
  app.view({ callback_id: INTERVIEW_CALLBACK_ID, type: "view_closed" }, async ({ ack, body, view }) => {
    try {
      const ctx = sectionOf(deps, teamOf(body), view);
      const current = ctx?.questionnaire.sections[ctx.index];
      if (ctx && current)
        keepSectionInput(deps, ctx, {
          meta: ctx.meta,
          raw: readSectionState(current, view.state.values),
          actorId: body.user.id,
          submit: false,
        });
    } finally {
      await ack();
    }
  });
}
