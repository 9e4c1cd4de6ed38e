import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import type { ProjectBasicsField } from "../../../domain/project-edit.js";
import { editProjectBasics } from "../../../services/project-editing.js";
import { CALLBACK, EDIT_PROJECT_FIELD } from "../../ids.js";
import { postToChannel } from "../../post.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import { isSlackUserId } from "../../slack-user-id.js";
import { buildProjectEditedMessage } from "../../views/project-edited-message.js";
import { readBlockValues } from "../../views/view-state.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().regex(/^[CG][A-Z0-9]{2,30}$/),
});

/** The modal's block ids back to the domain's field names; an empty field is left out (its default). */
function readEditForm(values: Record<string, string | string[] | null>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [field, blockId] of Object.entries(EDIT_PROJECT_FIELD)) {
    const value = values[blockId];
    if (value !== null && value !== undefined) raw[field] = value;
  }
  return raw;
}

const onTheForm = (errors: Partial<Record<ProjectBasicsField, string>>) => ({
  response_action: "errors" as const,
  errors: Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      EDIT_PROJECT_FIELD[field as ProjectBasicsField],
      message,
    ]),
  ),
});

/**
 * The `/intplan edit project` form, submitted: validated (a problem is said on its field and the form keeps
 * what was typed), saved with one audit row, then the channel hears what changed.
 */
export function registerEditProjectSubmission(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK.editProject, async ({ ack, body, view, client }) => {
    const meta = readPrivateMetadata(metadataSchema, view.private_metadata);
    const outcome = meta
      ? editProjectBasics(deps, {
          place: placeOf(body, meta.channelId),
          projectId: meta.projectId,
          form: readEditForm(readBlockValues(view.state)),
          actorId: body.user.id,
          isPersonId: isSlackUserId,
        })
      : ({ kind: "not-here" } as const);
    switch (outcome.kind) {
      case "not-here":
        await ack(
          onTheForm({
            name: "This form is out of date (the project is not in this channel any more). Close it and run /intplan edit project again.",
          }),
        );
        return;
      case "invalid":
        await ack(onTheForm(outcome.errors));
        return;
      case "unchanged":
        await ack(
          onTheForm({ name: "Nothing changed, so nothing was saved: change a field to save, or Cancel." }),
        );
        return;
      case "saved":
        await ack();
        await postToChannel(client, deps.logger, {
          channelId: outcome.project.channelId,
          userId: body.user.id,
          content: buildProjectEditedMessage({
            userId: body.user.id,
            project: outcome.project,
            changes: outcome.changes,
          }),
        });
        return;
    }
  });
}
