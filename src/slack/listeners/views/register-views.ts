import type { AppDeps } from "../../../deps.js";
import { registerInterviewSubmissions } from "../../submissions/interview.js";
import { registerNewProjectSubmission } from "../../submissions/new-project.js";
import type { Listeners } from "../registry.js";
import { registerChecklistSubmission } from "./checklist-submission.js";
import { registerLogBlockerSubmission } from "./log-blocker-submission.js";

/** Every modal intplan listens to: its submission, and its closing when it asked to hear of it. */
export function registerViews(listeners: Listeners, deps: AppDeps): void {
  registerNewProjectSubmission(listeners, deps);
  registerInterviewSubmissions(listeners, deps);
  registerChecklistSubmission(listeners, deps);
  registerLogBlockerSubmission(listeners, deps);
}
