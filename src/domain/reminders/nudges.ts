/**
 * Nudges: what intplan sends on its own about one item that has waited too long. Each is sent once per item
 * and window: the ledger (db/nudge-store.ts) keeps one row per `itemKey`, and a key names the item as it was
 * when the nudge became due, so the same blocker re-opened, a phase re-planned, or a new ask is a new window
 * while an unchanged item never is.
 */

/**
 * `digest` is the weekly digest's slot: not a nudge anyone acts on, but kept in the same ledger so a
 * scheduled digest is posted once per slot, however often the job runs or is put off.
 */
export const NUDGE_KINDS = ["blocker", "phase", "ask", "go-live", "digest"] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** `sent`: delivered (or summarised after downtime); `snoozed` until `snoozedUntil`; `dismissed`: never again. */
export const NUDGE_STATES = ["sent", "snoozed", "dismissed"] as const;
export type NudgeState = (typeof NUDGE_STATES)[number];

/** The snooze buttons: 1 day, 3 days, 1 week (in calendar days; the nudge then waits for a sendable time). */
export const SNOOZE_DAYS = [1, 3, 7] as const;
export type SnoozeDays = (typeof SNOOZE_DAYS)[number];
export const SNOOZE_LABELS: Readonly<Record<SnoozeDays, string>> = { 1: "1 day", 3: "3 days", 7: "1 week" };

/** The item keys, one builder per kind: the window is in the key, so a new window is a new row. */
export const nudgeKey = {
  /** A blocker, in the window that started when it was logged (or re-opened, should that ever exist). */
  blocker: (blockerId: number, openedAt: Date) => `blocker:${blockerId}@${openedAt.getTime()}`,
  /** A phase past its planned end: re-planning moves the end and opens a new window. */
  phase: (phaseNumber: number, plannedEnd: string) => `phase:${phaseNumber}@${plannedEnd}`,
  /** Everything one person was asked in one go (`/intplan ask`), in the window of the earliest open ask. */
  ask: (personId: string, askedAt: Date) => `ask:${personId}@${askedAt.getTime()}`,
  /** Go-live `daysBefore` days ahead, for this target date: moving the go-live opens new windows. */
  goLive: (daysBefore: number, target: string) => `go-live:${daysBefore}@${target}`,
  /** The weekly digest of the slot at `slot` (posted, or missed while the app was down). */
  digest: (slot: Date) => `digest:@${slot.getTime()}`,
} as const;

export function nudgeKindOfKey(key: string): NudgeKind | undefined {
  const kind = key.slice(0, key.indexOf(":"));
  return (NUDGE_KINDS as readonly string[]).includes(kind) ? (kind as NudgeKind) : undefined;
}

/** What a ledger key names, read back (the status board labels snoozed nudges from it); undefined if damaged. */
export type NudgeItem =
  | { kind: "blocker"; blockerId: number }
  | { kind: "phase"; phaseNumber: number; plannedEnd: string }
  | { kind: "ask"; personId: string }
  | { kind: "go-live"; daysBefore: number; target: string };

export function parseNudgeKey(key: string): NudgeItem | undefined {
  const kind = nudgeKindOfKey(key);
  const body = key.slice(key.indexOf(":") + 1);
  const at = body.lastIndexOf("@");
  if (!kind || at <= 0) return undefined;
  const subject = body.slice(0, at);
  const window = body.slice(at + 1);
  const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined);
  switch (kind) {
    case "blocker": {
      const blockerId = whole(subject);
      return blockerId === undefined ? undefined : { kind, blockerId };
    }
    case "phase": {
      const phaseNumber = whole(subject);
      return phaseNumber === undefined ? undefined : { kind, phaseNumber, plannedEnd: window };
    }
    case "ask":
      return { kind, personId: subject };
    case "go-live": {
      const daysBefore = whole(subject);
      return daysBefore === undefined ? undefined : { kind, daysBefore, target: window };
    }
  }
}
