import { findPhase } from "../../../domain/phases.js";
import { truncateText } from "../../../domain/text.js";
import { setPhaseOwnerOf } from "../../../services/phases-service.js";
import { usageOf } from "../../command-grammar.js";
import { onlyMentionedUser, plainFromTyped } from "../../slack-text.js";
import { buildUsageError } from "../../views/help.js";
import { mention } from "../../views/mrkdwn.js";
import { noSuchPhaseText, phaseTitle } from "../../views/phase-messages.js";
import { plainMessage } from "../../views/plain-message.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan phase <1-5|name> owner @person|default`: who owns a phase; `default` gives it back to the team's. */
export const phaseOwnerCommand = defineSubcommand({
  name: "phase-owner",
  needsProject: true,
  async handle({ project, command, ack, body, deps }) {
    const typedPhase = plainFromTyped(command.phase);
    const phase = findPhase(typedPhase);
    if (!phase) {
      await ack(buildUsageError(noSuchPhaseText(typedPhase), usageOf("phase-owner")));
      return;
    }
    const isDefault = command.owner.trim().toLowerCase() === "default";
    const ownerId = isDefault ? null : onlyMentionedUser(command.owner);
    if (!isDefault && !ownerId) {
      await ack(
        buildUsageError(
          `"${truncateText(plainFromTyped(command.owner), 60)}" is not one person. Mention them (\`@maria\`), or say \`default\`. Nothing was changed.`,
          usageOf("phase-owner"),
        ),
      );
      return;
    }
    const outcome = setPhaseOwnerOf(deps, {
      project,
      phaseNumber: phase.number,
      ownerId,
      actorId: body.user_id,
    });
    const title = `*${phaseTitle(phase.number)}*`;
    const who = outcome.owner ? mention(outcome.owner) : "nobody yet (the team names no one for it)";
    if (!outcome.changed) {
      await ack(
        plainMessage(
          `${title} is already owned by ${who}${isDefault ? " (the default)" : ""}. Nothing was changed.`,
        ),
      );
      return;
    }
    await ack(
      plainMessage(
        `${title} is now owned by ${who}${isDefault ? " (the default from the team)" : ""}. The plan and the status board follow.`,
      ),
    );
  },
});
