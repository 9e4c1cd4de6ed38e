import type { ViewOutput } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import { saveChecklistTicks } from "../../../services/checklist-service.js";
import { CALLBACK } from "../../ids.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import { buildChecklistNotSavedModal } from "../../views/checklist-modal.js";
import { readBlockValues } from "../../views/view-state.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().min(1),
  ticked: z.array(z.number().int()),
  // A modal opened before items had a scope holds none.
  out: z.array(z.number().int()).default([]),
});

/** The items picked in the submitted modal's blocks of one kind: ticked, confirmed or not in scope. */
function pickedInView(state: ViewOutput["state"], blockKind: RegExp): Set<number> {
  const selected = Object.entries(readBlockValues(state)).flatMap(([blockId, value]) =>
    blockKind.test(blockId) && Array.isArray(value) ? value : [],
  );
  return new Set(selected.map(Number));
}

/**
 * Saves the checklist modal (ticks, confirmed suggestions, items marked not in scope or back); the status
 * board and the plan catch up through the outbox.
 */
export function registerChecklistSubmission(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK.checklist, async ({ ack, body, view }) => {
    const metadata = readPrivateMetadata(metadataSchema, view.private_metadata);
    const outcome = metadata
      ? saveChecklistTicks(deps, {
          place: placeOf(body, metadata.channelId),
          projectId: metadata.projectId,
          before: new Set(metadata.ticked),
          after: pickedInView(view.state, /^p\d_(task|exit)_\d+$/),
          confirmed: pickedInView(view.state, /^p\d_suggested_\d+$/),
          outBefore: new Set(metadata.out),
          outAfter: pickedInView(view.state, /^p\d_scope$/),
          actorId: body.user.id,
        })
      : { kind: "not-here" as const };
    if (outcome.kind === "not-here") {
      await ack({ response_action: "update", view: buildChecklistNotSavedModal() });
      return;
    }
    await ack();
  });
}
