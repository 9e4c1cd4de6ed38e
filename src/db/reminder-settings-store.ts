import { eq } from "drizzle-orm";
import { parseReminderSettings, type ReminderSettings } from "../domain/reminders/settings.js";
import { sameSettings } from "../domain/reminders/settings-form.js";
import { backdateJob } from "../outbox/queue.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
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

/**
 * `/intplan settings` saved, in one transaction: the settings, one audit row with them before and after, and
 * the refresh of the board and the reminders' schedule. Settings that behave as the stored ones write
 * nothing. Returns what was stored before.
 */
export function changeReminderSettings(
  db: Db,
  change: ChangeStamp & { settings: ReminderSettings },
): { before: ReminderSettings; changed: boolean } {
  return db.transaction((tx) => {
    const before = loadReminderSettings(tx, change.projectId);
    if (sameSettings(before, change.settings)) return { before, changed: false };
    // Something switched back on: what came due while it was off (since the last save, which switched it
    // off) is owed as if the app had been down, so it comes as one summary, not one nudge per item at once.
    const offSince = tx
      .select({ at: reminderSettings.updatedAt })
      .from(reminderSettings)
      .where(eq(reminderSettings.projectId, change.projectId))
      .get()?.at;
    if (offSince && switchedOn(before, change.settings))
      backdateJob(tx, { projectId: change.projectId, job: "reminders", to: offSince });
    saveReminderSettings(tx, {
      projectId: change.projectId,
      settings: change.settings,
      updatedBy: change.actorId,
      at: change.at,
    });
    recordAudit(tx, {
      projectId: change.projectId,
      actorId: change.actorId,
      action: "settings.changed",
      details: { before, after: change.settings },
      at: change.at,
    });
    recordChange(tx, "reminder-settings", change);
    return { before, changed: true };
  });
}

/** True when the change turns on what was off: the channel's switch, or one kind of reminder. */
function switchedOn(before: ReminderSettings, after: ReminderSettings): boolean {
  if (!after.enabled) return false;
  if (!before.enabled) return true;
  return (["blocker", "phase", "ask", "goLive", "digest"] as const).some(
    (kind) => !before[kind].on && after[kind].on,
  );
}
