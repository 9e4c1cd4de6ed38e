import { loadReminderSettings } from "../db/reminder-settings-store.js";
import type { ProjectRow } from "../db/schema.js";
import type { AppDeps } from "../deps.js";
import { isTimeZone, type ReminderSettings } from "../domain/reminders/settings.js";
import type { StorageDeps } from "./service-deps.js";

/** A channel's reminder settings: what it saved, else the defaults. */
export function reminderSettingsOf(deps: StorageDeps, projectId: number): ReminderSettings {
  return loadReminderSettings(deps.db, projectId);
}

/**
 * The time zone a project's reminders and digest keep: the one its settings name, else the project manager's
 * from their Slack profile, else the creator's, else UTC. When Slack cannot be asked, `strict` (the reminders
 * job, whose schedule the zone decides) rejects so the job runs again later; otherwise (a digest asked for, a
 * modal) the next person's zone, or UTC, is used for this once.
 */
export async function projectTimeZone(
  deps: Pick<AppDeps, "people">,
  project: Pick<ProjectRow, "projectManagerId" | "createdBy">,
  settings: Pick<ReminderSettings, "timeZone">,
  options: { strict?: boolean } = {},
): Promise<string> {
  if (settings.timeZone) return settings.timeZone;
  for (const person of [project.projectManagerId, project.createdBy]) {
    if (!person) continue;
    let zone: string | undefined;
    try {
      zone = await deps.people.timeZone(person);
    } catch (error) {
      if (options.strict) throw error;
      continue;
    }
    if (zone && isTimeZone(zone)) return zone;
  }
  return "UTC";
}
