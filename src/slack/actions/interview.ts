import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { findProjectById } from "../../db/projects.js";
import type { AppDeps } from "../../deps.js";
import { getQuestionnaire } from "../../domain/questionnaire/definition.js";
import { readWholeNumber } from "../action-value.js";
import { ACTION } from "../ids.js";
import {
  buildInterviewView,
  decodeMetadata,
  type InterviewContext,
  keepSectionInput,
  loadInterview,
  SUMMARY,
} from "../interview/session.js";
import { resolveStartSection } from "../interview/start.js";
import type { Listeners } from "../listeners/registry.js";
import {
  buildInterviewGoneView,
  INTERVIEW_ACTION,
  OPEN_SECTION_ACTION,
  readSectionState,
} from "../views/interview-view.js";

const teamOf = (body: BlockAction) => body.team?.id ?? body.user.team_id ?? "";

/** Moves an open interview modal to another section, keeping what was changed in the current one. */
async function moveTo(
  deps: AppDeps,
  body: BlockAction,
  client: Parameters<Parameters<App["action"]>[1]>[0]["client"],
  target: (ctx: InterviewContext, current: number) => number,
): Promise<void> {
  const view = body.view;
  if (!view) return;
  const meta = decodeMetadata(view.private_metadata);
  const ctx = meta && loadInterview(deps, teamOf(body), meta);
  if (!meta || !ctx) {
    await client.views.update({ view_id: view.id, view: buildInterviewGoneView() });
    return;
  }
  const current = ctx.questionnaire.sections[meta.s];
  const { notices } = current
    ? keepSectionInput(deps, ctx, {
        meta,
        raw: readSectionState(current, view.state.values),
        actorId: body.user.id,
        submit: false,
      })
    : { notices: [] };
  await client.views.update({
    view_id: view.id,
    hash: view.hash,
    view: buildInterviewView(deps, ctx, target(ctx, meta.s), notices),
  });
}

const clampSection = (ctx: InterviewContext, index: number) =>
  index >= 0 && index < ctx.questionnaire.sections.length ? index : SUMMARY;

/** Back, Skip, Open (from the summary), and the project card's "Start discovery interview". */
export function registerInterviewActions(app: Listeners, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(INTERVIEW_ACTION.back, async ({ ack, body, client }) => {
    await ack();
    await moveTo(deps, body, client, (_ctx, s) => Math.max(0, s - 1));
  });
  app.action<BlockAction<ButtonAction>>(INTERVIEW_ACTION.skip, async ({ ack, body, client }) => {
    await ack();
    await moveTo(deps, body, client, (ctx, s) => clampSection(ctx, s + 1));
  });
  app.action<BlockAction<ButtonAction>>(OPEN_SECTION_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const index = readWholeNumber(action.value);
    await moveTo(deps, body, client, (ctx) => clampSection(ctx, index ?? SUMMARY));
  });

  app.action<BlockAction<ButtonAction>>(
    ACTION.startInterview,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const project = findProjectById(deps.db, teamOf(body), readWholeNumber(action.value) ?? 0);
      // The button only works in its own project's channel.
      if (!project || (body.channel?.id && body.channel.id !== project.channelId)) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "This project is not in this channel.",
        });
        return;
      }
      const start = resolveStartSection(deps, project, null);
      const sectionIndex = start.ok ? start.sectionIndex : 0;
      const ctx = { project, questionnaire: getQuestionnaire(project.questionnaireVersion) };
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildInterviewView(deps, ctx, sectionIndex),
      });
    },
  );
}
