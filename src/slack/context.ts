import type { Command, CommandName } from "./commands/grammar.js";
import type {
  CommandContext,
  CommandOf,
  ProjectCommandContext,
} from "./listeners/commands/define-subcommand.js";

/**
 * The older shape of a subcommand, kept while the subcommands written in it move over. New subcommands use
 * `defineSubcommand` (listeners/commands/define-subcommand.ts), which types `ctx.project` from
 * `needsProject` and needs none of the casts to `WithProject` this shape asks for; it also takes a
 * subcommand written in this shape as it is.
 */

export type SubcommandContext<C extends Command = Command> = CommandContext<C["name"]>;

type SubcommandHandler<C extends Command = Command> = (ctx: SubcommandContext<C>) => Promise<void>;

export interface Subcommand<N extends CommandName = CommandName> {
  name: N;
  /** When true, the router answers for channels without a project and the handler always gets one. */
  needsProject: boolean;
  handle: SubcommandHandler<CommandOf<N>>;
}

export type WithProject<C extends Command> = ProjectCommandContext<C["name"]>;
