import type { App } from "@slack/bolt";
import { z } from "zod";
import { createProject } from "../../db/projects.js";
import type { AppDeps } from "../../deps.js";
import { classifyIntegration } from "../../domain/classify.js";
import { isoDate } from "../../domain/dates.js";
import { type NewProjectField, resolveIntegrationType, validateNewProject } from "../../domain/project.js";
import { CALLBACK, NEW_PROJECT_FIELD } from "../ids.js";
import { postToChannel } from "../post.js";
import { readPrivateMetadata } from "../private-metadata.js";
import { isSlackUserId } from "../slack-user-id.js";
import { escapeMrkdwn } from "../views/mrkdwn.js";
import { buildProjectCard } from "../views/project-card.js";
import { readBlockValues } from "../views/view-state.js";

const metadataSchema = z.object({ channelId: z.string().regex(/^[CG][A-Z0-9]{2,30}$/) });

/** Turns the modal's block ids back into the domain's field names. */
function readNewProjectForm(values: Record<string, string | string[] | null>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [field, blockId] of Object.entries(NEW_PROJECT_FIELD)) {
    const value = values[blockId];
    if (value !== null && value !== undefined) raw[field] = value;
  }
  return raw;
}

function toBlockErrors(errors: Partial<Record<NewProjectField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [NEW_PROJECT_FIELD[field as NewProjectField], message]),
  );
}

/** The new-project modal's submission: validate, store with an audit row, then post the project card. */
export function registerNewProjectSubmission(app: App, deps: AppDeps): void {
  app.view(CALLBACK.newProject, async ({ ack, body, view, client }) => {
    const metadata = readPrivateMetadata(metadataSchema, view.private_metadata);
    if (!metadata) {
      await ack({
        response_action: "errors",
        errors: {
          [NEW_PROJECT_FIELD.name]: "This form is out of date. Close it and run /intplan new again.",
        },
      });
      return;
    }
    const now = deps.clock();
    const validation = validateNewProject(
      readNewProjectForm(readBlockValues(view.state)),
      isoDate(now),
      isSlackUserId,
    );
    if (!validation.ok) {
      await ack({ response_action: "errors", errors: toBlockErrors(validation.errors) });
      return;
    }
    const input = validation.value;
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const result = createProject(deps.db, {
      teamId,
      channelId: metadata.channelId,
      input,
      integrationType: resolveIntegrationType(input.integrationType, () => classifyIntegration(input)),
      actorId: body.user.id,
      at: now,
    });
    if (!result.created) {
      await ack({
        response_action: "errors",
        errors: {
          [NEW_PROJECT_FIELD.name]: `This channel already has a project: ${result.existing.name} (${result.existing.code}).`,
        },
      });
      return;
    }
    await ack();
    const card = buildProjectCard(result.project);
    await postToChannel(client, deps.logger, {
      channelId: result.project.channelId,
      userId: body.user.id,
      content: {
        ...card,
        text: `<@${body.user.id}> created ${escapeMrkdwn(result.project.name)} (${result.project.code}). ${card.text}`,
      },
    });
  });
}
