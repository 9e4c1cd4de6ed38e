import { changeReminderSettings, loadReminderSettings } from "../db/reminder-settings-store.js";
import type { ProjectRow } from "../db/schema.js";
import type { AppDeps } from "../deps.js";
import { mayChangeSettings, settingsChangers } from "../domain/owners.js";
import type { ReminderSettings } from "../domain/reminders/settings.js";
import {
  describeSettingsChanges,
  readSettingsForm,
  type SettingsForm,
  type SettingsFormErrors,
  settingsProblems,
} from "../domain/reminders/settings-form.js";
import { findProjectHere } from "./projects-service.js";
import { projectTimeZone } from "./reminder-settings.js";
import type { ChangeDeps, Place } from "./service-deps.js";

/**
 * `/intplan settings`: a channel's reminder settings, seen by anyone in the channel and changed by the
 * project's lead engineer, project manager or creator. A change is saved with one audit row (before and
 * after) and reschedules the reminders and refreshes the board, in one transaction; a save that changes
 * nothing writes nothing.
 */

/** Why a person may not change the settings, said the same way wherever they are refused. */
export const NOT_ALLOWED_REASON =
  "Only the project's lead engineer, project manager or the person who created it can change this channel's reminder settings. Nothing was changed.";

export interface SettingsPage {
  settings: ReminderSettings;
  /** The time zone in effect now: the one set, else the project manager's from Slack (else the creator's, UTC). */
  timeZone: string;
  mayChange: boolean;
  /** Who may change them (user ids). */
  changers: string[];
}

/** What `/intplan settings` shows this person. */
export async function settingsPageFor(
  deps: Pick<AppDeps, "db" | "people">,
  project: ProjectRow,
  userId: string,
): Promise<SettingsPage> {
  const settings = loadReminderSettings(deps.db, project.id);
  return {
    settings,
    timeZone: await projectTimeZone(deps, project, settings),
    mayChange: mayChangeSettings(project, userId),
    changers: settingsChangers(project),
  };
}

export type SaveSettingsOutcome =
  | { kind: "not-allowed"; reason: string }
  | { kind: "invalid"; problems: string[] }
  | { kind: "unchanged"; settings: ReminderSettings }
  | { kind: "saved"; before: ReminderSettings; after: ReminderSettings; changes: string[] };

/** Saves a channel's settings for a person allowed to; refused (nothing written) otherwise. */
export function saveSettings(
  deps: ChangeDeps,
  args: { project: ProjectRow; userId: string; settings: unknown },
): SaveSettingsOutcome {
  if (!mayChangeSettings(args.project, args.userId))
    return { kind: "not-allowed", reason: NOT_ALLOWED_REASON };
  const { problems, settings } = settingsProblems(args.settings);
  if (!settings) return { kind: "invalid", problems };
  const { before, changed } = changeReminderSettings(deps.db, {
    projectId: args.project.id,
    settings,
    actorId: args.userId,
    at: deps.clock(),
    timing: deps.timing,
  });
  if (!changed) return { kind: "unchanged", settings: before };
  return { kind: "saved", before, after: settings, changes: describeSettingsChanges(before, settings) };
}

export type SubmitSettingsOutcome =
  /** The form is for a project that is not this channel's any more. */
  | { kind: "not-here" }
  | { kind: "not-allowed"; reason: string }
  | { kind: "invalid"; errors: SettingsFormErrors }
  | { kind: "unchanged"; project: ProjectRow }
  | { kind: "saved"; project: ProjectRow; changes: string[] };

/** The settings modal, submitted: the project as it is now, the person's right as it is now, then the form. */
export function submitSettingsForm(
  deps: ChangeDeps,
  args: { place: Place; projectId: number; userId: string; form: SettingsForm },
): SubmitSettingsOutcome {
  const project = findProjectHere(deps, args.place, args.projectId);
  if (!project) return { kind: "not-here" };
  if (!mayChangeSettings(project, args.userId)) return { kind: "not-allowed", reason: NOT_ALLOWED_REASON };
  const read = readSettingsForm(args.form, loadReminderSettings(deps.db, project.id));
  if (!read.ok) return { kind: "invalid", errors: read.errors };
  const saved = saveSettings(deps, { project, userId: args.userId, settings: read.settings });
  switch (saved.kind) {
    case "not-allowed":
      return saved;
    case "invalid":
      // The form's reading only makes settings the schema takes; should it not, nothing is saved.
      return {
        kind: "invalid",
        errors: { enabled: `These settings could not be saved (${saved.problems[0]}).` },
      };
    case "unchanged":
      return { kind: "unchanged", project };
    case "saved":
      return { kind: "saved", project, changes: saved.changes };
  }
}
