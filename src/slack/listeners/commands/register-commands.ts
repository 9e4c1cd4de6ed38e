import type { AppDeps } from "../../../deps.js";
import { discoveryCommand, planCommand } from "../../commands/documents.js";
import { exportCommand } from "../../commands/export.js";
import { interviewCommand } from "../../commands/interview.js";
import { newCommand } from "../../commands/new.js";
import { statusCommand } from "../../commands/status.js";
import type { Listeners } from "../registry.js";
import { blockerCommand, blockerResolveCommand } from "./blocker-command.js";
import { blockersCommand } from "./blockers-command.js";
import { defineSubcommand, type Subcommand } from "./define-subcommand.js";
import { deleteCommand } from "./delete-command.js";
import { historyCommand } from "./history-command.js";
import { registerIntplanCommand } from "./intplan-command.js";
import { phaseCommand } from "./phase-command.js";

/**
 * Every subcommand intplan has; the help text lists exactly these. A new subcommand is one file here
 * (`defineSubcommand`), its grammar and usage line in commands/grammar.ts, and one entry below.
 */
const SUBCOMMANDS: readonly Subcommand[] = [
  // Written in the older `Subcommand<N>` shape of context.ts; defineSubcommand takes it as it is.
  defineSubcommand(newCommand),
  defineSubcommand(interviewCommand),
  defineSubcommand(planCommand),
  defineSubcommand(discoveryCommand),
  defineSubcommand(exportCommand),
  defineSubcommand(statusCommand),
  phaseCommand,
  blockerCommand,
  blockerResolveCommand,
  blockersCommand,
  historyCommand,
  deleteCommand,
];

export function registerCommands(listeners: Listeners, deps: AppDeps): void {
  registerIntplanCommand(listeners, deps, SUBCOMMANDS);
}
