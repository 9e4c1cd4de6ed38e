import { addBlocker, resolveBlocker } from "../../db/blockers.js";
import { refreshAt } from "../../deps.js";
import { BLOCKER_LIMITS } from "../../domain/blockers.js";
import type { Subcommand, WithProject } from "../context.js";
import { postToChannel } from "../post.js";
import { parseBlockerText, readOptionalNote } from "../slack-text.js";
import { buildBlockerAdded, buildBlockerResolved } from "../views/blocker-messages.js";
import { buildUsageError } from "../views/help.js";
import { escapeMrkdwn } from "../views/mrkdwn.js";
import { plainMessage } from "../views/plain-message.js";
import { usageOf } from "./grammar.js";

/** `/intplan blocker <text> [@owner] [--client]`: log a blocker and tell the channel. */
export const blockerCommand: Subcommand<"blocker"> = {
  name: "blocker",
  needsProject: true,
  async handle(ctx) {
    const { project, command, ack, body, client, deps, respond } = ctx as WithProject<typeof ctx.command>;
    const parsed = parseBlockerText(command.text);
    if (!parsed.ok) {
      await ack(buildUsageError(parsed.error, usageOf("blocker")));
      return;
    }
    const result = addBlocker(deps.db, {
      projectId: project.id,
      input: parsed.value,
      actorId: body.user_id,
      at: deps.clock(),
      runAfter: refreshAt(deps),
    });
    await ack();
    await postToChannel(client, deps.logger, {
      channelId: project.channelId,
      userId: body.user_id,
      respond,
      content: buildBlockerAdded(result.blocker, body.user_id),
    });
  },
};

/** `/intplan blocker resolve <id> [note]`: resolve one of this project's blockers and tell the channel. */
export const blockerResolveCommand: Subcommand<"blocker-resolve"> = {
  name: "blocker-resolve",
  needsProject: true,
  async handle(ctx) {
    const { project, command, ack, body, client, deps, respond } = ctx as WithProject<typeof ctx.command>;
    const note = readOptionalNote(command.note, BLOCKER_LIMITS.note);
    if (!note.ok) {
      await ack(buildUsageError(note.error, usageOf("blocker-resolve")));
      return;
    }
    const result = resolveBlocker(deps.db, {
      projectId: project.id,
      number: command.id,
      note: note.text,
      actorId: body.user_id,
      at: deps.clock(),
      runAfter: refreshAt(deps),
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
};
