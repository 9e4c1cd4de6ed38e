import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.js";
import { registerDeleteProjectActions } from "./actions/delete-project.js";
import { registerHistoryPaging } from "./actions/history-page.js";
import { registerPhaseSignOffActions } from "./actions/phase-signoff.js";
import { blockerCommand, blockerResolveCommand } from "./commands/blocker.js";
import { blockersCommand } from "./commands/blockers.js";
import { deleteCommand } from "./commands/delete.js";
import { historyCommand } from "./commands/history.js";
import { phaseCommand } from "./commands/phase.js";
import { registerIntplanCommand } from "./commands/router.js";
import type { Subcommand } from "./context.js";
import { registerInterviewActions } from "./listeners/actions/interview-buttons.js";
import { registerStatusBoardActions } from "./listeners/actions/status-board-buttons.js";
import { exportCommand } from "./listeners/commands/export-command.js";
import { interviewCommand } from "./listeners/commands/interview-command.js";
import { newCommand } from "./listeners/commands/new-project-command.js";
import { discoveryCommand, planCommand } from "./listeners/commands/publish-commands.js";
import { statusCommand } from "./listeners/commands/status-command.js";
import { registerHome } from "./listeners/events/app-home.js";
import { registerInterviewSubmissions } from "./listeners/views/interview-submission.js";
import { registerNewProjectSubmission } from "./listeners/views/new-project-submission.js";
import { registerLogBlockerShortcut } from "./shortcuts/log-blocker.js";
import { registerChecklistSubmission } from "./submissions/checklist.js";
import { registerUnknownInteractions } from "./unknown-interactions.js";

/** Every subcommand intplan has. The help text lists exactly these. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  newCommand as Subcommand,
  interviewCommand as Subcommand,
  planCommand as Subcommand,
  discoveryCommand as Subcommand,
  exportCommand as Subcommand,
  statusCommand as Subcommand,
  phaseCommand as Subcommand,
  blockerCommand as Subcommand,
  blockerResolveCommand as Subcommand,
  blockersCommand as Subcommand,
  historyCommand as Subcommand,
  deleteCommand as Subcommand,
];

/** The one place every listener is registered. */
export function registerListeners(app: App, deps: AppDeps): void {
  registerIntplanCommand(app, deps, SUBCOMMANDS);
  registerNewProjectSubmission(app, deps);
  registerHome(app, deps);
  registerInterviewSubmissions(app, deps);
  registerInterviewActions(app, deps);
  registerPhaseSignOffActions(app, deps);
  registerStatusBoardActions(app, deps);
  registerChecklistSubmission(app, deps);
  registerLogBlockerShortcut(app, deps);
  registerHistoryPaging(app, deps);
  registerDeleteProjectActions(app, deps);
  registerUnknownInteractions(app);
}
