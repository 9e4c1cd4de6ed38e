import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import type { NewProjectField } from "../../../domain/project.js";
import { createProjectFromForm } from "../../../services/project-setup.js";
import { CALLBACK, NEW_PROJECT_FIELD } from "../../ids.js";
import { postToChannel } from "../../post.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import { isSlackUserId } from "../../slack-user-id.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import { buildProjectCard } from "../../views/project-card.js";
import { readBlockValues } from "../../views/view-state.js";
import { workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

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
export function registerNewProjectSubmission(app: Listeners, deps: AppDeps): void {
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
    const outcome = createProjectFromForm(deps, {
      isPersonId: isSlackUserId,
      teamId: workspaceOf(body),
      channelId: metadata.channelId,
      form: readNewProjectForm(readBlockValues(view.state)),
      actorId: body.user.id,
    });
    if (outcome.kind === "invalid") {
      await ack({ response_action: "errors", errors: toBlockErrors(outcome.errors) });
      return;
    }
    if (outcome.kind === "channel-has-project") {
      await ack({
        response_action: "errors",
        errors: {
          [NEW_PROJECT_FIELD.name]: `This channel already has a project: ${outcome.existing.name} (${outcome.existing.code}).`,
        },
      });
      return;
    }
    await ack();
    const { project } = outcome;
    const card = buildProjectCard(project);
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user.id,
      content: {
        ...card,
        text: `<@${body.user.id}> created ${escapeMrkdwn(project.name)} (${project.code}). ${card.text}`,
      },
    });
  });
}
