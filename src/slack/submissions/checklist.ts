import type { App, ViewOutput } from "@slack/bolt";
import { z } from "zod";
import { applyChecklistTicks } from "../../db/checklist.js";
import { findProjectByChannel } from "../../db/projects.js";
import type { AppDeps } from "../../deps.js";
import { CALLBACK } from "../ids.js";
import { readPrivateMetadata } from "../private-metadata.js";
import { buildChecklistNotSavedModal } from "../views/checklist-modal.js";
import { readBlockValues } from "../views/view-state.js";

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().min(1),
  ticked: z.array(z.number().int()),
});

/** The items ticked in the submitted modal, across every checkbox group. */
export function tickedInView(state: ViewOutput["state"]): Set<number> {
  const selected = Object.values(readBlockValues(state)).flatMap((value) =>
    Array.isArray(value) ? value : [],
  );
  return new Set(selected.map(Number));
}

/** What the person changed: items ticked that were not, and items unticked that were. */
export function checklistChanges(
  before: ReadonlySet<number>,
  after: ReadonlySet<number>,
): Map<number, boolean> {
  const changes = new Map<number, boolean>();
  for (const id of after) if (!before.has(id)) changes.set(id, true);
  for (const id of before) if (!after.has(id)) changes.set(id, false);
  return changes;
}

/** Saves the ticks of the checklist modal; the status board and the plan catch up through the outbox. */
export function registerChecklistSubmission(app: App, deps: AppDeps): void {
  app.view(CALLBACK.checklist, async ({ ack, body, view }) => {
    const metadata = readPrivateMetadata(metadataSchema, view.private_metadata);
    const project = metadata
      ? findProjectByChannel(deps.db, {
          teamId: body.team?.id ?? body.user.team_id ?? "",
          channelId: metadata.channelId,
        })
      : undefined;
    if (!metadata || !project || project.id !== metadata.projectId) {
      await ack({ response_action: "update", view: buildChecklistNotSavedModal() });
      return;
    }
    applyChecklistTicks(deps.db, {
      projectId: project.id,
      changes: checklistChanges(new Set(metadata.ticked), tickedInView(view.state)),
      actorId: body.user.id,
      at: deps.clock(),
      timing: deps.timing,
    });
    await ack();
  });
}
