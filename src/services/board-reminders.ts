import { findBlockerById } from "../db/blocker-store.js";
import { type NudgeRow, snoozedNudges } from "../db/nudge-store.js";
import { loadReminderSettings } from "../db/reminder-settings-store.js";
import type { ProjectRow } from "../db/schema.js";
import { parseNudgeKey } from "../domain/reminders/nudges.js";
import type { StorageDeps } from "./service-deps.js";

/** A nudge snoozed until `until`, as the status board names it. */
export type SnoozedItem = { until: Date } & (
  | { kind: "blocker"; number: number; text: string }
  | { kind: "phase"; phaseNumber: number }
  | { kind: "ask"; personId: string }
  | { kind: "go-live"; daysBefore: number }
);

export interface BoardReminders {
  /** The channel's master switch: off, intplan sends nothing on its own here. */
  enabled: boolean;
  /** Nudges snoozed past now, soonest first; an item that is no longer open (a resolved blocker) is left out. */
  snoozed: SnoozedItem[];
}

/** What the status board says about reminders: whether they are off, and what is snoozed until when. */
export function boardReminders(deps: StorageDeps, project: ProjectRow, now: Date): BoardReminders {
  const snoozed = snoozedNudges(deps.db, project.id, now)
    .flatMap((row): SnoozedItem[] => snoozedItem(deps, project, row))
    .sort((a, b) => a.until.getTime() - b.until.getTime());
  return { enabled: loadReminderSettings(deps.db, project.id).enabled, snoozed };
}

function snoozedItem(deps: StorageDeps, project: ProjectRow, row: NudgeRow): SnoozedItem[] {
  const item = parseNudgeKey(row.itemKey);
  const until = row.snoozedUntil;
  if (!item || !until) return [];
  switch (item.kind) {
    case "blocker": {
      const blocker = findBlockerById(deps.db, project.id, item.blockerId);
      return blocker?.status === "open"
        ? [{ kind: "blocker", number: blocker.number, text: blocker.text, until }]
        : [];
    }
    case "phase":
      return [{ kind: "phase", phaseNumber: item.phaseNumber, until }];
    case "ask":
      return [{ kind: "ask", personId: item.personId, until }];
    case "go-live":
      return item.target === project.targetGoLive
        ? [{ kind: "go-live", daysBefore: item.daysBefore, until }]
        : [];
  }
}
