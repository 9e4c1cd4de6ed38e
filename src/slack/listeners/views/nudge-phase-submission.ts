import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import { statusLabel } from "../../../domain/phase-labels.js";
import { PHASE_NOTE_MAX, phaseName } from "../../../domain/phase-rules.js";
import { PHASE_STATUSES, type PhaseStatus } from "../../../domain/phases.js";
import { checkOptionalNote } from "../../../domain/text.js";
import { nudgedPhase } from "../../../services/nudges-service.js";
import { changePhase } from "../../../services/phases-service.js";
import { CALLBACK_NUDGE } from "../../ids.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import { NUDGE_PHASE_FIELD } from "../../views/nudge-messages.js";
import { phaseTitle } from "../../views/phase-messages.js";
import { readBlockValues } from "../../views/view-state.js";
import { settleNudgeMessage } from "../nudge-message-update.js";
import { announcePhaseChange } from "../phase-announcement.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/** The "Update status" modal of a phase's nudge, submitted: the phase moves as `/intplan phase` moves it. */

const metadataSchema = z.object({
  projectId: z.number().int().positive(),
  nudgeId: z.number().int().positive(),
  phaseNumber: z.number().int().min(1).max(9),
  channelId: z.string().min(1).nullable(),
  messageTs: z.string().min(1).nullable(),
});

const errorOn = (field: string, text: string) => ({
  response_action: "errors" as const,
  errors: { [field]: text },
});

const isPhaseStatus = (value: unknown): value is PhaseStatus =>
  typeof value === "string" && (PHASE_STATUSES as readonly string[]).includes(value);

export function registerNudgePhaseSubmission(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK_NUDGE.updatePhase, async ({ ack, body, view, client }) => {
    const metadata = readPrivateMetadata(metadataSchema, view.private_metadata);
    const values = readBlockValues(view.state);
    const status = values[NUDGE_PHASE_FIELD.status];
    const note = checkOptionalNote(String(values[NUDGE_PHASE_FIELD.note] ?? "").trim(), PHASE_NOTE_MAX);
    if (!note.ok) {
      await ack(errorOn(NUDGE_PHASE_FIELD.note, note.error));
      return;
    }
    if (!isPhaseStatus(status)) {
      await ack(errorOn(NUDGE_PHASE_FIELD.status, "Choose one of the statuses."));
      return;
    }
    const found =
      metadata &&
      nudgedPhase(deps, {
        projectId: metadata.projectId,
        nudgeId: metadata.nudgeId,
        userId: body.user.id,
        place: placeOf(body, metadata.channelId ?? undefined),
      });
    if (!metadata || !found || found.kind !== "found" || found.phase.number !== metadata.phaseNumber) {
      await ack(
        errorOn(
          NUDGE_PHASE_FIELD.status,
          found?.kind === "not-yours"
            ? "This reminder is for the person it was sent to, or for the project's channel. Nothing was changed."
            : "This reminder is no longer current: its project or phase is gone. Nothing was changed.",
        ),
      );
      return;
    }
    const { project } = found;
    const outcome = changePhase(deps, {
      project,
      phaseNumber: metadata.phaseNumber,
      status,
      note: note.text,
      actorId: body.user.id,
    });
    if (outcome.kind === "unchanged") {
      await ack(
        errorOn(
          NUDGE_PHASE_FIELD.status,
          `${metadata.phaseNumber}. ${phaseName(metadata.phaseNumber)} is already ${statusLabel(status).toLowerCase()}. Choose another status, or Cancel.`,
        ),
      );
      return;
    }
    if (outcome.kind === "needs-sign-off") {
      await ack(
        errorOn(
          NUDGE_PHASE_FIELD.status,
          `Exit criteria are still open (${outcome.openCriteria.join("; ")}). Tick them first, or use \`/intplan phase ${metadata.phaseNumber} done\` in the project's channel to ask for a sign-off.`.slice(
            0,
            2000,
          ),
        ),
      );
      return;
    }
    await ack();
    await settleNudgeMessage(client, deps, {
      shown:
        metadata.channelId && metadata.messageTs
          ? {
              channelId: metadata.channelId,
              ts: metadata.messageTs,
              text: `${metadata.phaseNumber}. ${phaseName(metadata.phaseNumber)}: its status was updated.`,
              mrkdwn: `*${phaseTitle(metadata.phaseNumber)}*: its status was updated.`,
            }
          : undefined,
      settled: { kind: "phase-updated", status, by: body.user.id },
    });
    await announcePhaseChange(client, deps, { project, change: outcome.change, actorId: body.user.id });
  });
}
