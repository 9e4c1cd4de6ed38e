import type { AppDeps } from "../../../deps.js";
import type { Listeners } from "../registry.js";
import { registerChecklistSubmission } from "./checklist-submission.js";
import { registerEditProjectSubmission } from "./edit-project-submission.js";
import { registerImportSubmissions } from "./import-submission.js";
import { registerInterviewSubmissions } from "./interview-submission.js";
import { registerLogBlockerSubmission } from "./log-blocker-submission.js";
import { registerNewProjectSubmission } from "./new-project-submission.js";
import { registerNudgePhaseSubmission } from "./nudge-phase-submission.js";
import { registerSectionEditSubmission } from "./section-edit-submission.js";
import { registerSettingsSubmission } from "./settings-submission.js";

/** Every modal intplan listens to: its submission, and its closing when it asked to hear of it. */
export function registerViews(listeners: Listeners, deps: AppDeps): void {
  registerNewProjectSubmission(listeners, deps);
  registerInterviewSubmissions(listeners, deps);
  registerChecklistSubmission(listeners, deps);
  registerLogBlockerSubmission(listeners, deps);
  registerSectionEditSubmission(listeners, deps);
  registerEditProjectSubmission(listeners, deps);
  registerImportSubmissions(listeners, deps);
  registerNudgePhaseSubmission(listeners, deps);
  registerSettingsSubmission(listeners, deps);
}
