import type { App } from "@slack/bolt";
import type { AppDeps } from "../app.js";
import { registerInterviewActions } from "./actions/interview.js";
import { interviewCommand } from "./commands/interview.js";
import { newCommand } from "./commands/new.js";
import { registerIntplanCommand } from "./commands/router.js";
import { statusCommand } from "./commands/status.js";
import type { Subcommand } from "./context.js";
import { registerHome } from "./events/home.js";
import { registerInterviewSubmissions } from "./submissions/interview.js";
import { registerNewProjectSubmission } from "./submissions/new-project.js";

/** Every subcommand intplan has. The help text lists exactly these. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  newCommand as Subcommand,
  interviewCommand as Subcommand,
  statusCommand as Subcommand,
];

/** The one place every listener is registered. */
export function registerListeners(app: App, deps: AppDeps): void {
  registerIntplanCommand(app, deps, SUBCOMMANDS);
  registerNewProjectSubmission(app, deps);
  registerHome(app, deps);
  registerInterviewSubmissions(app, deps);
  registerInterviewActions(app, deps);
}
