import { BLOCKER_LIMITS } from "../../../domain/blockers.js";
import { logBlocker, resolveProjectBlocker } from "../../../services/blockers-service.js";
import { usageOf } from "../../command-grammar.js";
import { postToChannel } from "../../post.js";
import { parseBlockerText, readOptionalNote } from "../../slack-text.js";
import { buildBlockerAdded, buildBlockerResolved } from "../../views/blocker-messages.js";
import { buildUsageError } from "../../views/help.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import { plainMessage } from "../../views/plain-message.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan blocker <text> [@owner] [--client]`: log a blocker and tell the channel. */
export const blockerCommand = defineSubcommand({
  name: "blocker",
  needsProject: true,
  async handle({ project, command, ack, body, client, deps, respond }) {
    const parsed = parseBlockerText(command.text);
    if (!parsed.ok) {
      await ack(buildUsageError(parsed.error, usageOf("blocker")));
      return;
    }
    const result = logBlocker(deps, { project, input: parsed.value, actorId: body.user_id });
    await ack();
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user_id,
      respond,
      content: buildBlockerAdded(result.blocker, body.user_id),
    });
  },
});

/** `/intplan blocker resolve <id> [note]`: resolve one of this project's blockers and tell the channel. */
export const blockerResolveCommand = defineSubcommand({
  name: "blocker-resolve",
  needsProject: true,
  async handle({ project, command, ack, body, client, deps, respond }) {
    const note = readOptionalNote(command.note, BLOCKER_LIMITS.note);
    if (!note.ok) {
      await ack(buildUsageError(note.error, usageOf("blocker-resolve")));
      return;
    }
    const result = resolveProjectBlocker(deps, {
      project,
      number: command.id,
      note: note.text,
      actorId: body.user_id,
    });
    if (result.kind === "not-found") {
      await ack(
        plainMessage(
          `This project has no blocker #${command.id}. \`/intplan blockers\` lists the open ones.`,
        ),
      );
      return;
    }
    if (result.kind === "already-resolved") {
      await ack(
        plainMessage(`Blocker #${command.id} (${escapeMrkdwn(result.blocker.text)}) is already resolved.`),
      );
      return;
    }
    await ack();
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user_id,
      respond,
      content: buildBlockerResolved(result.blocker, body.user_id),
    });
  },
});
