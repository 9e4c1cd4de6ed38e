import type { AppDeps } from "../../../deps.js";
import type { Listeners } from "../registry.js";
import { registerAskButtons } from "./ask-buttons.js";
import { registerChecklistButton } from "./checklist-button.js";
import { registerDeleteButtons } from "./delete-buttons.js";
import { registerDocumentSuiteButtons } from "./document-suite-buttons.js";
import { registerHistoryPaging } from "./history-paging.js";
import { registerInterviewActions } from "./interview-buttons.js";
import { registerNudgeButtons } from "./nudge-buttons.js";
import { registerQuestionnaireButtons } from "./questionnaire-buttons.js";
import { registerSectionEditButtons } from "./section-edit-buttons.js";
import { registerSignOffButtons } from "./sign-off-buttons.js";
import { registerVersionUploadButton } from "./version-upload-button.js";

/** Every button (block action) intplan listens to, but the Home tab's paging (events/register-events.ts). */
export function registerActions(listeners: Listeners, deps: AppDeps): void {
  registerInterviewActions(listeners, deps);
  registerSignOffButtons(listeners, deps);
  registerChecklistButton(listeners, deps);
  registerHistoryPaging(listeners, deps);
  registerDeleteButtons(listeners, deps);
  registerQuestionnaireButtons(listeners, deps);
  registerSectionEditButtons(listeners, deps);
  registerVersionUploadButton(listeners, deps);
  registerDocumentSuiteButtons(listeners, deps);
  registerAskButtons(listeners, deps);
  registerNudgeButtons(listeners, deps);
}
