/**
 * The reminders planner: given what a project looks like now, its reminder settings and the ledger of what
 * was already sent, which nudges, which go-live notice and whether the weekly digest are due now, and when
 * to look again. Pure: it reads no clock and no storage; the service (services/reminders.ts) hands it the
 * facts and records what it chose before anything is sent.
 */
import { addDays } from "../dates.js";
import { type NudgeState, nudgeKey } from "./nudges.js";
import type { ReminderSettings } from "./settings.js";
import { addWorkingDays, instantAt, nextSendable, nextWeeklyAt, previousWeeklyAt } from "./working-time.js";

/** A run this long after its due time means the app was down: what came due is summarised, not replayed. */
export const LATE_AFTER_MS = 30 * 60_000;
/** The job looks again at least this often, so a change the outbox did not announce is still picked up. */
export const MAX_WAIT_MS = 24 * 60 * 60_000;
/** The earliest next run: never now (or the past), so a run never loops on itself. */
const MIN_WAIT_MS = 1000;

export interface PlannedBlocker {
  id: number;
  number: number;
  text: string;
  ownerId: string | null;
  createdAt: Date;
}

export interface PlannedPhase {
  number: number;
  name: string;
  /** not-started, in-progress, blocked or done */
  status: string;
  ownerId: string | null;
  /** The plan's end of the phase (YYYY-MM-DD), null when the plan has no dates. */
  plannedEnd: string | null;
}

/** Everything one person still owes (`/intplan ask`), since their earliest open ask. */
export interface PlannedAsk {
  personId: string;
  askedAt: Date;
  askedBy: string;
  sections: { id: string; label: string }[];
}

/** What is still open for the go-live, as the notice lists it. */
export interface GoLiveOpen {
  exitCriteria: { phaseNumber: number; text: string }[];
  blockers: { number: number; text: string; ownerId: string | null }[];
  /** Required questions of the questionnaire still unanswered. */
  requiredMissing: number;
}

/** A ledger row as the planner reads it. */
export interface LedgerEntry {
  itemKey: string;
  state: NudgeState;
  snoozedUntil: Date | null;
}

export interface ReminderFacts {
  now: Date;
  settings: ReminderSettings;
  /** The project's time zone (settings, else the PM's): working days and quiet hours are counted in it. */
  timeZone: string;
  /** When the project was created: go-live windows and digest slots before it are not owed. */
  projectCreatedAt: Date;
  blockers: readonly PlannedBlocker[];
  phases: readonly PlannedPhase[];
  asks: readonly PlannedAsk[];
  goLive: { target: string | null; open: GoLiveOpen };
  ledger: readonly LedgerEntry[];
  /** When this run was due (the outbox row's runAfter): running much later means the app was down. */
  dueAt: Date;
}

interface NudgeBase {
  itemKey: string;
  /** Who must act (a DM, or a mention in the board's thread); null: the channel, the item has no owner. */
  recipientId: string | null;
  /** When it became sendable (its threshold crossed, at a sendable time). */
  sendAt: Date;
}

export type PlannedNudge =
  | (NudgeBase & { kind: "blocker"; blocker: PlannedBlocker; workingDaysOpen: number })
  | (NudgeBase & { kind: "phase"; phase: PlannedPhase & { plannedEnd: string } })
  | (NudgeBase & { kind: "ask"; ask: PlannedAsk });

export interface PlannedGoLive {
  itemKey: string;
  daysBefore: number;
  target: string;
  sendAt: Date;
  open: GoLiveOpen;
}

export interface PlannedDigest {
  itemKey: string;
  slot: Date;
}

export interface ReminderPlan {
  /**
   * True when the run is more than `LATE_AFTER_MS` after it was due (the app was down): the nudges and the
   * go-live notice below came due meanwhile and are summarised in one message, and the digest was missed.
   */
  late: boolean;
  /** Nudges to send now (or, when late, to summarise), oldest due first. */
  nudges: PlannedNudge[];
  /** The go-live notice to post now (the latest window that applies), if any. */
  goLive: PlannedGoLive | undefined;
  /** True when the weekly digest is to be posted now. */
  digestDue: boolean;
  /** The digest slot that is due (`digestDue`) or, when late, was missed; to record in the ledger. */
  digest: PlannedDigest | undefined;
  /** When to run again: the earliest future instant anything becomes due, within a day, never now. */
  nextRunAt: Date;
}

const DAY_MINUTES = 24 * 60;

/** Whether the ledger lets an item be sent at `sendAt` (now): never sent, or snoozed until before now. */
type LedgerVerdict = { kind: "send"; at: Date } | { kind: "wait"; at: Date } | { kind: "never" };

function verdictOf(
  entry: LedgerEntry | undefined,
  dueAt: Date,
  facts: ReminderFacts,
  sendable: (at: Date) => Date,
): LedgerVerdict {
  if (entry?.state === "sent" || entry?.state === "dismissed") return { kind: "never" };
  const from =
    entry?.state === "snoozed" && entry.snoozedUntil && entry.snoozedUntil > dueAt
      ? entry.snoozedUntil
      : dueAt;
  const at = sendable(from);
  return at.getTime() <= facts.now.getTime() ? { kind: "send", at } : { kind: "wait", at };
}

/** Working days a blocker has been open: the most whole working days after `from` that have passed. */
export function workingDaysSince(
  from: Date,
  now: Date,
  settings: Pick<ReminderSettings, "workingDays">,
  timeZone: string,
): number {
  let days = 0;
  while (days < 400 && addWorkingDays(from, days + 1, settings, timeZone).getTime() <= now.getTime()) days++;
  return days;
}

/** The last minute of a local calendar day: a phase planned to end that day is late once it has passed. */
const endOfDay = (date: string, timeZone: string) => instantAt(date, DAY_MINUTES - 1, timeZone);

export function planReminders(facts: ReminderFacts): ReminderPlan {
  const { now, settings, timeZone } = facts;
  const late = now.getTime() - facts.dueAt.getTime() > LATE_AFTER_MS;
  const latest = new Date(now.getTime() + MAX_WAIT_MS);
  if (!settings.enabled)
    return { late, nudges: [], goLive: undefined, digestDue: false, digest: undefined, nextRunAt: latest };

  const ledger = new Map(facts.ledger.map((e) => [e.itemKey, e]));
  const sendable = (at: Date) => nextSendable(at, settings, timeZone);
  const later: Date[] = [];
  const nudges: PlannedNudge[] = [];

  /** Decides one item: due now, later (its time is a candidate for the next run), or never. */
  const consider = (itemKey: string, dueAt: Date, make: (sendAt: Date) => PlannedNudge) => {
    const verdict = verdictOf(ledger.get(itemKey), dueAt, facts, sendable);
    if (verdict.kind === "send") nudges.push(make(verdict.at));
    else if (verdict.kind === "wait") later.push(verdict.at);
  };

  if (settings.blocker.on) {
    for (const blocker of facts.blockers) {
      const itemKey = nudgeKey.blocker(blocker.id, blocker.createdAt);
      const dueAt = addWorkingDays(blocker.createdAt, settings.blocker.afterWorkingDays, settings, timeZone);
      consider(itemKey, dueAt, (sendAt) => ({
        kind: "blocker",
        itemKey,
        recipientId: blocker.ownerId,
        sendAt,
        blocker,
        workingDaysOpen: workingDaysSince(blocker.createdAt, now, settings, timeZone),
      }));
    }
  }
  if (settings.phase.on) {
    for (const phase of facts.phases) {
      const { plannedEnd } = phase;
      if (phase.status === "done" || !plannedEnd) continue;
      const itemKey = nudgeKey.phase(phase.number, plannedEnd);
      const dueAt = addWorkingDays(
        endOfDay(plannedEnd, timeZone),
        settings.phase.afterWorkingDays,
        settings,
        timeZone,
      );
      consider(itemKey, dueAt, (sendAt) => ({
        kind: "phase",
        itemKey,
        recipientId: phase.ownerId,
        sendAt,
        phase: { ...phase, plannedEnd },
      }));
    }
  }
  if (settings.ask.on) {
    for (const ask of facts.asks) {
      const itemKey = nudgeKey.ask(ask.personId, ask.askedAt);
      const dueAt = addWorkingDays(ask.askedAt, settings.ask.afterWorkingDays, settings, timeZone);
      consider(itemKey, dueAt, (sendAt) => ({
        kind: "ask",
        itemKey,
        recipientId: ask.personId,
        sendAt,
        ask,
      }));
    }
  }
  nudges.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());

  const goLive = settings.goLive.on ? planGoLive(facts, ledger, sendable, later) : undefined;
  const { digest, digestDue } = planDigest(facts, ledger, late, later);

  const soonest = Math.min(
    latest.getTime(),
    ...later.map((d) => d.getTime()).filter((t) => t > now.getTime()),
  );
  const nextRunAt = new Date(Math.max(soonest, now.getTime() + MIN_WAIT_MS));
  return { late, nudges, goLive, digestDue, digest, nextRunAt };
}

/**
 * When the window `daysBefore` days before the go-live opens: the first sendable time of that day; when that
 * is the go-live day itself (1 day before a Monday go-live falls on a Sunday), the last working day before.
 */
function windowOpens(
  target: string,
  daysBefore: number,
  goLiveDay: Date,
  timeZone: string,
  sendable: (at: Date) => Date,
): Date {
  const opens = sendable(instantAt(addDays(target, -daysBefore), 0, timeZone));
  if (opens < goLiveDay) return opens;
  for (let back = 1; back <= 7; back++) {
    const earlier = sendable(instantAt(addDays(target, -daysBefore - back), 0, timeZone));
    if (earlier < goLiveDay) return earlier;
  }
  return opens;
}

/**
 * The go-live windows (`daysBefore` days before the target, at the first sendable time of that day): of the
 * windows that have come (since the project was created, before the go-live day), only the latest is sent,
 * once; one already passed when a later one came is never sent after it.
 */
function planGoLive(
  facts: ReminderFacts,
  ledger: ReadonlyMap<string, LedgerEntry>,
  sendable: (at: Date) => Date,
  later: Date[],
): PlannedGoLive | undefined {
  const { target } = facts.goLive;
  if (!target) return undefined;
  const goLiveDay = instantAt(target, 0, facts.timeZone);
  if (facts.now >= goLiveDay) return undefined;
  const windows = facts.settings.goLive.daysBefore
    .map((daysBefore) => ({
      daysBefore,
      itemKey: nudgeKey.goLive(daysBefore, target),
      opensAt: windowOpens(target, daysBefore, goLiveDay, facts.timeZone, sendable),
    }))
    // A window that opened before the project existed, or only on the go-live day itself, is not owed.
    .filter((w) => w.opensAt >= facts.projectCreatedAt && w.opensAt < goLiveDay)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const come = windows.filter((w) => w.opensAt.getTime() <= facts.now.getTime());
  for (const w of windows) if (w.opensAt > facts.now) later.push(w.opensAt);
  const current = come.at(-1);
  if (!current) return undefined;
  const verdict = verdictOf(ledger.get(current.itemKey), current.opensAt, facts, sendable);
  if (verdict.kind === "wait") later.push(verdict.at);
  if (verdict.kind !== "send" || verdict.at >= goLiveDay) return undefined;
  return {
    itemKey: current.itemKey,
    daysBefore: current.daysBefore,
    target,
    sendAt: verdict.at,
    open: facts.goLive.open,
  };
}

/**
 * The digest's slot (its weekday and time, not quiet hours: it has a time of its own): due once, when the
 * slot has come since the run was due (or within the lateness allowance, for a run put off by a rate limit)
 * and after the project was created, unless the ledger has it. Late, it is missed, not posted.
 */
function planDigest(
  facts: ReminderFacts,
  ledger: ReadonlyMap<string, LedgerEntry>,
  late: boolean,
  later: Date[],
): { digest: PlannedDigest | undefined; digestDue: boolean } {
  const { settings, now, timeZone } = facts;
  if (!settings.digest.on) return { digest: undefined, digestDue: false };
  const { weekday, time } = settings.digest;
  later.push(nextWeeklyAt(now, weekday, time, timeZone));
  const slot = previousWeeklyAt(now, weekday, time, timeZone);
  const since = Math.min(facts.dueAt.getTime(), now.getTime() - LATE_AFTER_MS);
  const owed =
    slot.getTime() >= since && slot >= facts.projectCreatedAt && !ledger.has(nudgeKey.digest(slot));
  if (!owed) return { digest: undefined, digestDue: false };
  return { digest: { itemKey: nudgeKey.digest(slot), slot }, digestDue: !late };
}
