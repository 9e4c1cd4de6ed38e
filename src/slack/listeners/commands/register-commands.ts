import type { AppDeps } from "../../../deps.js";
import type { Listeners } from "../registry.js";
import { askCancelCommand, askCommand, askListCommand } from "./ask-command.js";
import { blockerCommand, blockerResolveCommand } from "./blocker-command.js";
import { blockersCommand } from "./blockers-command.js";
import type { Subcommand } from "./define-subcommand.js";
import { deleteCommand } from "./delete-command.js";
import { digestCommand } from "./digest-command.js";
import { docsCommand } from "./docs-command.js";
import { editCommand } from "./edit-command.js";
import { editProjectCommand } from "./edit-project-command.js";
import { exportCommand } from "./export-command.js";
import { freezeCommand } from "./freeze-command.js";
import { historyCommand } from "./history-command.js";
import { importCommand } from "./import-command.js";
import { interviewCommand } from "./interview-command.js";
import { registerIntplanCommand } from "./intplan-command.js";
import { newCommand } from "./new-project-command.js";
import { phaseCommand } from "./phase-command.js";
import { phaseOwnerCommand } from "./phase-owner-command.js";
import { discoveryCommand, planCommand, publishDocumentCommand } from "./publish-commands.js";
import { questionnaireCommand } from "./questionnaire-command.js";
import { settingsCommand } from "./settings-command.js";
import { statusCommand } from "./status-command.js";
import { versionsCommand } from "./versions-command.js";

/**
 * Every subcommand intplan has; the help text lists exactly these. A new subcommand is one file here
 * (`defineSubcommand`), its grammar and usage line in src/slack/command-grammar.ts, and one entry below.
 */
const SUBCOMMANDS: readonly Subcommand[] = [
  newCommand,
  interviewCommand,
  planCommand,
  discoveryCommand,
  publishDocumentCommand,
  docsCommand,
  exportCommand,
  editCommand,
  editProjectCommand,
  freezeCommand,
  versionsCommand,
  statusCommand,
  phaseCommand,
  phaseOwnerCommand,
  blockerCommand,
  blockerResolveCommand,
  blockersCommand,
  historyCommand,
  questionnaireCommand,
  askCommand,
  askCancelCommand,
  askListCommand,
  importCommand,
  digestCommand,
  settingsCommand,
  deleteCommand,
];

export function registerCommands(listeners: Listeners, deps: AppDeps): void {
  registerIntplanCommand(listeners, deps, SUBCOMMANDS);
}
