import { eq } from "drizzle-orm";
import { parseReminderSettings, type ReminderSettings } from "../domain/reminders/settings.js";
import type { DbOrTx } from "./client.js";
import { reminderSettings } from "./schema.js";

/** A project's reminder settings; the defaults when none were saved. */
export function loadReminderSettings(db: DbOrTx, projectId: number): ReminderSettings {
  const row = db
    .select({ settings: reminderSettings.settings })
    .from(reminderSettings)
    .where(eq(reminderSettings.projectId, projectId))
    .get();
  return parseReminderSettings(row?.settings);
}

/** Saves a project's settings whole, inside the caller's transaction (which also audits and reschedules). */
export function saveReminderSettings(
  tx: DbOrTx,
  args: { projectId: number; settings: ReminderSettings; updatedBy: string; at: Date },
): void {
  const values = {
    projectId: args.projectId,
    settings: args.settings as unknown as Record<string, unknown>,
    updatedBy: args.updatedBy,
    updatedAt: args.at,
  };
  tx.insert(reminderSettings)
    .values(values)
    .onConflictDoUpdate({
      target: reminderSettings.projectId,
      set: { settings: values.settings, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    })
    .run();
}
