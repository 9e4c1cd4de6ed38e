import { statusLabel } from "../../../domain/phase-labels.js";
import { PHASE_NOTE_MAX } from "../../../domain/phase-rules.js";
import { findPhase } from "../../../domain/phases.js";
import { changePhase } from "../../../services/phases-service.js";
import { usageOf } from "../../command-grammar.js";
import { plainFromTyped, readOptionalNote } from "../../slack-text.js";
import { buildUsageError } from "../../views/help.js";
import { buildSignOffPrompt, noSuchPhaseText, phaseTitle } from "../../views/phase-messages.js";
import { plainMessage } from "../../views/plain-message.js";
import { announcePhaseChange } from "../phase-announcement.js";
import { encodeSignOffValue } from "../sign-off-value.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan phase <1-5|name> <status> [note]`: change a phase's status and tell the channel. */
export const phaseCommand = defineSubcommand({
  name: "phase",
  needsProject: true,
  async handle({ project, command, ack, body, client, deps, respond }) {
    const typedPhase = plainFromTyped(command.phase);
    const phase = findPhase(typedPhase);
    if (!phase) {
      await ack(buildUsageError(noSuchPhaseText(typedPhase), usageOf("phase")));
      return;
    }
    const note = readOptionalNote(command.note, PHASE_NOTE_MAX);
    if (!note.ok) {
      await ack(buildUsageError(note.error, usageOf("phase")));
      return;
    }
    const outcome = changePhase(deps, {
      project,
      phaseNumber: phase.number,
      status: command.status,
      note: note.text,
      actorId: body.user_id,
    });
    if (outcome.kind === "unchanged") {
      await ack(
        plainMessage(
          `*${phaseTitle(phase.number)}* is already ${statusLabel(command.status).toLowerCase()}.`,
        ),
      );
      return;
    }
    if (outcome.kind === "needs-sign-off") {
      await ack(
        buildSignOffPrompt({
          phaseNumber: phase.number,
          openCriteria: outcome.openCriteria,
          signers: outcome.signers,
          canSignOff: outcome.canSignOff,
          value: encodeSignOffValue(outcome.request),
        }),
      );
      return;
    }
    await ack();
    await announcePhaseChange(client, deps, {
      project,
      change: outcome.change,
      actorId: body.user_id,
      respond,
    });
  },
});
