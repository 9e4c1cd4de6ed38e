import { listOpenAsks } from "../db/ask-store.js";
import { listOpenBlockers } from "../db/blocker-store.js";
import { loadChecklist } from "../db/checklist-store.js";
import {
  type NudgeRow,
  nudgesOf,
  recordNudgeSent,
  restoreNudge,
  setNudgeMessage,
} from "../db/nudge-store.js";
import { findProjectByIdAnyTeam } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import { findStatusBoard, isPosted } from "../db/status-board-store.js";
import type { AppDeps } from "../deps.js";
import type { NudgeKind } from "../domain/reminders/nudges.js";
import {
  type GoLiveOpen,
  type PlannedAsk,
  type PlannedDigest,
  type PlannedGoLive,
  type PlannedNudge,
  planReminders,
} from "../domain/reminders/plan.js";
import type { ReminderSettings } from "../domain/reminders/settings.js";
import { askedSections } from "./asks-service.js";
import { projectTimeZone, reminderSettingsOf } from "./reminder-settings.js";
import type { StorageDeps } from "./service-deps.js";
import { loadStatusBoardFacts } from "./status-board-state.js";

/**
 * The `reminders` job's use case, Slack-free: reads the project, plans (domain/reminders/plan.ts) and records
 * in the nudges ledger, in one transaction and before anything is sent, every nudge, go-live notice and digest
 * slot it chose. Recorded first, a nudge is never sent twice, even when the process dies right after Slack
 * took it, or two processes share the database (the outbox claim lets one run the job at a time anyway).
 *
 * The price of recording first is that a send that fails must be told back: when Slack did not take the
 * message (a rate limit, or an error answer), the job calls `unrecordReminder` and the row goes back to what
 * it was, so the next run sends it again. A send whose fate is unknown (the network dropped the answer) stays
 * recorded: a nudge may then be lost, never doubled. A process that dies between recording and sending loses
 * that nudge too; the ledger says sent. Both are rare; a repeated nudge in someone's DMs is what this avoids.
 */

/** The phases whose exit criteria stand between the project and its go-live (Deployment is the go-live). */
const GO_LIVE_PHASES = 4;

/** A ledger row written for this run, and what it was before (to put back should Slack refuse the send). */
export interface RecordedReminder {
  id: number;
  before: NudgeRow | undefined;
}

export interface RemindersRun {
  project: ProjectRow;
  settings: ReminderSettings;
  timeZone: string;
  /** True when the app was down while these came due: summarise them in one message, send none of them. */
  late: boolean;
  nudges: (RecordedReminder & { planned: PlannedNudge })[];
  goLive: (RecordedReminder & { planned: PlannedGoLive }) | undefined;
  /** The digest to post now, or (late) the slot that was missed. */
  digest: (RecordedReminder & { planned: PlannedDigest; missed: boolean }) | undefined;
  nextRunAt: Date;
}

function openAsksPerPerson(deps: StorageDeps, project: ProjectRow): PlannedAsk[] {
  const open = listOpenAsks(deps.db, project.id);
  const people = [...new Set(open.map((a) => a.personId))];
  return people.map((personId) => {
    const theirs = open.filter((a) => a.personId === personId);
    const earliest = theirs.reduce((a, b) => (b.askedAt < a.askedAt ? b : a));
    return {
      personId,
      askedAt: earliest.askedAt,
      askedBy: earliest.askedBy,
      sections: askedSections(
        project,
        theirs.map((a) => a.sectionId),
      ).map((s) => ({ id: s.id, label: s.label })),
    };
  });
}

function goLiveOpen(deps: StorageDeps, project: ProjectRow, requiredMissing: number): GoLiveOpen {
  const exitCriteria = loadChecklist(deps.db, project.id)
    .filter((i) => i.kind === "exit" && !i.done && i.scope === "in" && i.phaseNumber <= GO_LIVE_PHASES)
    .map((i) => ({ phaseNumber: i.phaseNumber, text: i.label }));
  const blockers = listOpenBlockers(deps.db, project.id).map((b) => ({
    number: b.number,
    text: b.text,
    ownerId: b.ownerId,
  }));
  return { exitCriteria, blockers, requiredMissing };
}

/**
 * Plans a project's reminders now and records them in the ledger (one transaction). `dueAt` is when the run
 * was due (the outbox row's runAfter). Undefined when the project is gone.
 */
export async function planAndRecordReminders(
  deps: Pick<AppDeps, "db" | "clock" | "people">,
  args: { projectId: number; dueAt: Date },
): Promise<RemindersRun | undefined> {
  const project = findProjectByIdAnyTeam(deps.db, args.projectId);
  if (!project) return undefined;
  const settings = reminderSettingsOf(deps, project.id);
  const timeZone = await projectTimeZone(deps, project, settings, { strict: settings.enabled });
  return deps.db.transaction((tx) => {
    const txDeps = { db: tx as unknown as AppDeps["db"], clock: deps.clock };
    const now = deps.clock();
    const board = loadStatusBoardFacts(txDeps, project);
    const scheduled = new Map(board.schedule?.phases.map((p) => [p.number, p.end]) ?? []);
    const ledger = nudgesOf(tx, project.id);
    const plan = planReminders({
      now,
      settings,
      timeZone,
      projectCreatedAt: project.createdAt,
      blockers: listOpenBlockers(tx, project.id).map((b) => ({
        id: b.id,
        number: b.number,
        text: b.text,
        ownerId: b.ownerId,
        createdAt: b.createdAt,
      })),
      phases: board.live.phases.map((p) => ({
        number: p.number,
        name: p.name,
        status: p.status,
        ownerId: p.ownerId,
        plannedEnd: scheduled.get(p.number as 1) ?? null,
      })),
      asks: openAsksPerPerson(txDeps, project),
      goLive: {
        target: project.targetGoLive,
        open: goLiveOpen(txDeps, project, board.interview.requiredMissing),
      },
      ledger,
      dueAt: args.dueAt,
    });
    const before = new Map(ledger.map((row) => [row.itemKey, row]));
    const record = (kind: NudgeKind, itemKey: string, recipientId: string | null): RecordedReminder => ({
      id: recordNudgeSent(tx, { projectId: project.id, kind, itemKey, recipientId, at: now }),
      before: before.get(itemKey),
    });
    return {
      project,
      settings,
      timeZone,
      late: plan.late,
      nudges: plan.nudges.map((planned) => ({
        ...record(planned.kind, planned.itemKey, planned.recipientId),
        planned,
      })),
      goLive: plan.goLive && { ...record("go-live", plan.goLive.itemKey, null), planned: plan.goLive },
      digest:
        plan.digest && (plan.digestDue || plan.late)
          ? { ...record("digest", plan.digest.itemKey, null), planned: plan.digest, missed: plan.late }
          : undefined,
      nextRunAt: plan.nextRunAt,
    };
  });
}

/** Slack did not take a reminder: the ledger forgets this run's record of it, so the next run sends it. */
export function unrecordReminder(deps: StorageDeps, recorded: RecordedReminder): void {
  restoreNudge(deps.db, recorded.id, recorded.before);
}

/** The message that carried a reminder, once Slack took it (the nudge's buttons update it later). */
export function rememberReminderMessage(
  deps: StorageDeps,
  recorded: RecordedReminder,
  message: { channel: string; ts: string },
): void {
  setNudgeMessage(deps.db, recorded.id, message);
}

/** The status board's message, under which nudges go as thread replies ("board-thread"); none unposted. */
export function statusBoardMessage(
  deps: StorageDeps,
  projectId: number,
): { channel: string; ts: string } | undefined {
  const board = findStatusBoard(deps.db, projectId);
  return isPosted(board) ? { channel: board.channelId, ts: board.ts } : undefined;
}
