/**
 * The command, callback ids and action ids that more than one module names: the listener that handles an id
 * and the view that puts it on a button or modal. Ids only one view uses stay beside it (the interview's, in
 * views/interview-view.ts). The complete list is what the listeners register: the registry records every id
 * (src/slack/listeners/registry.ts), and the catch-all for unknown interactions asks it.
 */

export const COMMAND = "/intplan";

export const CALLBACK = {
  newProject: "new_project",
  checklist: "checklist",
  logBlockerShortcut: "log_as_blocker",
  logBlocker: "log_blocker",
  editSection: "edit_section",
  editProject: "edit_project",
  importFile: "import_file",
  importReview: "import_review",
} as const;

export const ACTION = {
  startInterview: "project_start_interview",
  homePage: "home_page",
  homePreviousPage: "home_page_previous",
  /** App Home's "DM me a digest of my projects". */
  dmOwnDigest: "home_dm_digest",
  openChecklist: "status_board_checklist",
  signOffPhase: "phase_sign_off",
  askSignOff: "phase_ask_sign_off",
  cancelSignOff: "phase_sign_off_cancel",
  historyNewer: "history_newer",
  historyOlder: "history_older",
  deleteProject: "project_delete_confirm",
  cancelDelete: "project_delete_cancel",
  moveQuestionnaire: "questionnaire_move_confirm",
  cancelQuestionnaireMove: "questionnaire_move_cancel",
  /** The section pickers of the edit modal: `edit_section_pick_0`, `_1`… (100 sections a picker). */
  pickSection: "edit_section_pick",
  /** Revert a section's edit, or delete an orphaned one: `edit_section_revert_0`, `_1`… */
  revertSection: "edit_section_revert",
  /** An ask's button (`/intplan ask`): opens the asked sections for the person asked. */
  openAsk: "ask_open_sections",
  cancelAllAsks: "ask_cancel_all",
  keepAsks: "ask_cancel_keep",
} as const;

/** The action ids a view numbers (one per picker, one per button), as the listeners match them. */
export const ACTION_PATTERN = {
  pickSection: new RegExp(`^${ACTION.pickSection}_\\d+$`),
  revertSection: new RegExp(`^${ACTION.revertSection}(_\\d+)?$`),
} as const;

/**
 * "Upload again" beside each frozen version without files: one button per version in one message, and Slack
 * wants every action_id in a message to be different, so each carries its version's id after this prefix.
 */
export const UPLOAD_VERSION_ACTION = {
  prefix: "document_version_upload_",
  matcher: /^document_version_upload_\d+$/,
} as const;

/**
 * The buttons of a nudge (a reminder about a blocker, a phase past its end, an unanswered ask). Each button's
 * value is `<projectId>:<nudgeId>` (`nudgeButtonValue`). The three snooze buttons differ by their days:
 * `nudge_snooze_1`, `nudge_snooze_3`, `nudge_snooze_7`.
 */
export const NUDGE_ACTION = {
  snoozePrefix: "nudge_snooze_",
  snoozeMatcher: /^nudge_snooze_\d+$/,
  dismiss: "nudge_dismiss",
  resolveBlocker: "nudge_resolve_blocker",
  updatePhase: "nudge_update_phase",
  answerAsk: "nudge_answer_ask",
} as const;

export const CALLBACK_NUDGE = {
  /** The "Update status" modal a phase nudge opens. */
  updatePhase: "nudge_update_phase",
  /** `/intplan settings`. */
  settings: "reminder_settings",
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

/** The `/intplan edit project` form: the new-project fields, with several integration types. */
export const EDIT_PROJECT_FIELD = {
  name: NEW_PROJECT_FIELD.name,
  clientName: NEW_PROJECT_FIELD.clientName,
  systemA: NEW_PROJECT_FIELD.systemA,
  systemB: NEW_PROJECT_FIELD.systemB,
  integrationTypes: "integration_types",
  leadEngineerId: NEW_PROJECT_FIELD.leadEngineerId,
  projectManagerId: NEW_PROJECT_FIELD.projectManagerId,
  targetGoLive: NEW_PROJECT_FIELD.targetGoLive,
  volumeEstimate: NEW_PROJECT_FIELD.volumeEstimate,
  summary: NEW_PROJECT_FIELD.summary,
} as const;

/**
 * The Publish and Export buttons of `/intplan docs`, one pair per document in one message (every action_id in
 * a message must differ): `document_suite_publish_sow`, `document_suite_export_sow`… The button's value is its
 * project's id, so a button from another channel's list, or a deleted project's, is told apart.
 */
export const DOCUMENT_SUITE_ACTION = {
  publishPrefix: "document_suite_publish_",
  exportPrefix: "document_suite_export_",
  matcher: /^document_suite_(publish|export)_[a-z]+$/,
} as const;
