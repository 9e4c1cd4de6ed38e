/** Every callback id and action id intplan uses, in one place. */

export const COMMAND = "/intplan";

export const CALLBACK = {
  newProject: "new_project",
  checklist: "checklist",
  logBlockerShortcut: "log_as_blocker",
  logBlocker: "log_blocker",
} as const;

export const ACTION = {
  startInterview: "project_start_interview",
  homePage: "home_page",
  homePreviousPage: "home_page_previous",
  openChecklist: "status_board_checklist",
  signOffPhase: "phase_sign_off",
  askSignOff: "phase_ask_sign_off",
  cancelSignOff: "phase_sign_off_cancel",
  historyNewer: "history_newer",
  historyOlder: "history_older",
  deleteProject: "project_delete_confirm",
  cancelDelete: "project_delete_cancel",
} as const;

export const NEW_PROJECT_FIELD = {
  name: "name",
  clientName: "client_name",
  systemA: "system_a",
  systemB: "system_b",
  integrationType: "integration_type",
  leadEngineerId: "lead_engineer",
  projectManagerId: "project_manager",
  targetGoLive: "target_go_live",
  volumeEstimate: "volume_estimate",
  summary: "summary",
} as const;
