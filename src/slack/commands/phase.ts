import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { changePhaseStatus, type PhaseChangeResult } from "../../db/phases.js";
import type { ProjectRow } from "../../db/schema.js";
import { type AppDeps, refreshAt } from "../../deps.js";
import { statusLabel } from "../../domain/phase-labels.js";
import { canSignOff, PHASE_NOTE_MAX, signOffPeople } from "../../domain/phase-rules.js";
import { findPhase, PHASES } from "../../domain/phases.js";
import { truncateText } from "../../domain/text.js";
import { encodeSignOffValue } from "../actions/phase-signoff-value.js";
import type { Subcommand, WithProject } from "../context.js";
import { postToChannel } from "../post.js";
import { plainFromTyped, readOptionalNote } from "../slack-text.js";
import { buildUsageError } from "../views/help.js";
import { buildPhaseAnnouncement, buildSignOffPrompt, phaseTitle } from "../views/phase-messages.js";
import { plainMessage } from "../views/plain-message.js";
import { usageOf } from "./grammar.js";

const PHASE_LIST = PHASES.map((p) => `${p.number} ${p.name}`).join(", ");

/** Tells the channel who moved which phase where. */
export async function announcePhaseChange(
  client: WebClient,
  deps: AppDeps,
  args: {
    project: ProjectRow;
    change: Extract<PhaseChangeResult, { kind: "changed" }>;
    actorId: string;
    respond?: RespondFn;
  },
): Promise<void> {
  await postToChannel(client, deps.logger, {
    channelId: args.project.channelId,
    userId: args.actorId,
    respond: args.respond,
    content: buildPhaseAnnouncement({
      actorId: args.actorId,
      phase: args.change.phase,
      previousStatus: args.change.previousStatus,
    }),
  });
}

/** `/intplan phase <1-5|name> <status> [note]`: change a phase's status and tell the channel. */
export const phaseCommand: Subcommand<"phase"> = {
  name: "phase",
  needsProject: true,
  async handle(ctx) {
    const { project, command, ack, body, client, deps, respond } = ctx as WithProject<typeof ctx.command>;
    const typedPhase = plainFromTyped(command.phase);
    const phase = findPhase(typedPhase);
    if (!phase) {
      await ack(
        buildUsageError(
          `There is no phase "${truncateText(typedPhase, 60)}". The phases are ${PHASE_LIST}.`,
          usageOf("phase"),
        ),
      );
      return;
    }
    const note = readOptionalNote(command.note, PHASE_NOTE_MAX);
    if (!note.ok) {
      await ack(buildUsageError(note.error, usageOf("phase")));
      return;
    }
    const change = changePhaseStatus(deps.db, {
      projectId: project.id,
      phaseNumber: phase.number,
      status: command.status,
      note: note.text,
      signingOff: false,
      actorId: body.user_id,
      at: deps.clock(),
      runAfter: refreshAt(deps),
    });
    if (change.kind === "unchanged") {
      await ack(
        plainMessage(
          `*${phaseTitle(phase.number)}* is already ${statusLabel(command.status).toLowerCase()}.`,
        ),
      );
      return;
    }
    if (change.kind === "needs-sign-off") {
      await ack(
        buildSignOffPrompt({
          phaseNumber: phase.number,
          openCriteria: change.openExitCriteria.map((c) => c.label),
          signers: signOffPeople(project),
          canSignOff: canSignOff(project, body.user_id),
          value: encodeSignOffValue({ projectId: project.id, phaseNumber: phase.number, note: note.text }),
        }),
      );
      return;
    }
    await ack();
    await announcePhaseChange(client, deps, { project, change, actorId: body.user_id, respond });
  },
};
