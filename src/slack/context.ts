import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ProjectRow } from "../db/schema.js";
import type { AppDeps } from "../deps.js";
import type { Command } from "./commands/grammar.js";
import type { MessageContent } from "./views/block-kit.js";

/** What every subcommand handler receives. Handlers take all they need from here, so tests can call them. */
export interface SubcommandContext<C extends Command = Command> {
  command: C;
  body: SlashCommand;
  deps: AppDeps;
  client: WebClient;
  /** The channel's project, for subcommands that need one. */
  project: ProjectRow | undefined;
  /** Acknowledge, optionally with an ephemeral reply (the fastest way to answer). */
  ack(reply?: MessageContent | string): Promise<void>;
  /** Reply after the ack, through the command's response_url. */
  respond: RespondFn;
}

export type SubcommandHandler<C extends Command = Command> = (ctx: SubcommandContext<C>) => Promise<void>;

export interface Subcommand<N extends Command["name"] = Command["name"]> {
  name: N;
  /** When true, the router answers for channels without a project and the handler always gets one. */
  needsProject: boolean;
  handle: SubcommandHandler<Extract<Command, { name: N }>>;
}

export type WithProject<C extends Command> = SubcommandContext<C> & { project: ProjectRow };
