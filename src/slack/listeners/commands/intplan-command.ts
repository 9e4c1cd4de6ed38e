import type { AppDeps } from "../../../deps.js";
import { findChannelProject } from "../../../services/projects-service.js";
import { type CommandName, parseCommand, USAGES } from "../../command-grammar.js";
import { COMMAND } from "../../ids.js";
import type { MessageContent } from "../../views/block-kit.js";
import { buildHelpMessage, buildNoProjectMessage, buildUsageError } from "../../views/help.js";
import type { Listeners } from "../registry.js";
import type { Subcommand } from "./define-subcommand.js";

/** The usages of the subcommands that have a handler, in the grammar's order. */
function availableUsages(subcommands: readonly Subcommand[]) {
  const names = new Set<CommandName>(subcommands.map((s) => s.name));
  names.add("help");
  return USAGES.filter((u) => names.has(u.name));
}

/**
 * Registers `/intplan`: parse the text, answer errors and help at once, hand the rest to its subcommand.
 * "No project in this channel" is answered here, the one way, for every subcommand that needs one.
 */
export function registerIntplanCommand(
  listeners: Listeners,
  deps: AppDeps,
  subcommands: readonly Subcommand[],
): void {
  const byName = new Map<CommandName, Subcommand>(subcommands.map((s) => [s.name, s]));
  const usages = availableUsages(subcommands);

  listeners.command(COMMAND, async ({ command: body, ack, respond, client }) => {
    const reply = (content: MessageContent | string) =>
      ack(
        typeof content === "string"
          ? { response_type: "ephemeral", text: content }
          : { response_type: "ephemeral", ...content },
      );

    const parsed = parseCommand(body.text ?? "");
    if (!parsed.ok) {
      await reply(buildUsageError(parsed.error, parsed.usage));
      return;
    }
    const command = parsed.command;
    if (command.name === "help") {
      await reply(buildHelpMessage(usages));
      return;
    }
    const subcommand = byName.get(command.name);
    if (!subcommand) {
      await reply(buildUsageError(`\`${command.name}\` is not available yet.`, null));
      return;
    }
    const project = findChannelProject(deps, { teamId: body.team_id, channelId: body.channel_id });
    const outcome = await subcommand.run({
      command,
      body,
      deps,
      client,
      project,
      ack: async (content) => (content === undefined ? ack() : reply(content)),
      respond,
    });
    if (outcome === "no-project") await reply(buildNoProjectMessage());
  });
}
