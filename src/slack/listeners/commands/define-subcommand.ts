import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ProjectRow } from "../../../db/schema.js";
import type { AppDeps } from "../../../deps.js";
import type { Command, CommandName } from "../../command-grammar.js";
import type { MessageContent } from "../../views/block-kit.js";

/**
 * The typed registry of `/intplan` subcommands. A subcommand is written as
 * `defineSubcommand({ name, needsProject, handle(ctx) })`: `ctx.command` is that subcommand's parsed
 * command, and with `needsProject: true` `ctx.project` is the channel's project (the router has already
 * answered channels without one). No casts: the registry keeps each subcommand's types to itself.
 */

/** The parsed command of one subcommand. */
export type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;

/** What a subcommand handler receives; it takes all it needs from here, so a test can call it. */
export interface CommandContext<N extends CommandName = CommandName> {
  command: CommandOf<N>;
  body: SlashCommand;
  deps: AppDeps;
  client: WebClient;
  /** The channel's project, if it has one. */
  project: ProjectRow | undefined;
  /** Acknowledge, optionally with an ephemeral reply (the fastest way to answer). */
  ack(reply?: MessageContent | string): Promise<void>;
  /** Reply after the ack, through the command's response_url. */
  respond: RespondFn;
}

export type ProjectCommandContext<N extends CommandName = CommandName> = CommandContext<N> & {
  project: ProjectRow;
};

/** How a subcommand is written. */
export type SubcommandSpec<N extends CommandName> =
  | { name: N; needsProject: true; handle(ctx: ProjectCommandContext<N>): Promise<void> }
  | { name: N; needsProject: false; handle(ctx: CommandContext<N>): Promise<void> };

/** A subcommand as the router holds it, whatever its name. */
export interface Subcommand {
  readonly name: CommandName;
  readonly needsProject: boolean;
  /** Runs the handler; "no-project" (and nothing done) when it needs a project and the channel has none. */
  run(ctx: CommandContext): Promise<"done" | "no-project">;
}

const isCommand = <N extends CommandName>(command: Command, name: N): command is CommandOf<N> =>
  command.name === name;

export function defineSubcommand<N extends CommandName>(spec: SubcommandSpec<N>): Subcommand {
  return {
    name: spec.name,
    needsProject: spec.needsProject,
    async run(ctx) {
      const { command, project } = ctx;
      if (!isCommand(command, spec.name)) {
        throw new Error(`The ${spec.name} subcommand was handed \`${command.name}\`.`);
      }
      if (spec.needsProject) {
        if (!project) return "no-project";
        await spec.handle({ ...ctx, command, project });
        return "done";
      }
      await spec.handle({ ...ctx, command });
      return "done";
    },
  };
}
