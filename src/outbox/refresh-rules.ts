import type { DbOrTx } from "../db/client.js";
import { type Timing, timingOf } from "../deps.js";
import { enqueueJob, type OutboxJob } from "./queue.js";

/** The kinds of change a project's storage records, each with a row in `REFRESH_RULES`. */
export type ProjectChange =
  | "project-basics"
  | "answers"
  | "phase"
  | "checklist"
  | "blocker"
  | "document-published"
  | "plan-section-edit"
  | "discovery-section-edit";

export interface RefreshRule {
  /** The background jobs that bring what shows this change up to date. */
  refreshes: readonly OutboxJob[];
  /**
   * `debounced`: the jobs run `refreshDelayMs` after the change, so a burst of changes makes one refresh
   * each (the first change's job keeps its time, later ones only mark it as having new work);
   * `at-once`: they are due as soon as the change commits.
   */
  when: "debounced" | "at-once";
}

/**
 * The one answer to "what does this change refresh, and when". The jobs are the Implementation Plan canvas
 * (`refresh-plan`), the Discovery Document canvas (`refresh-discovery`) and the pinned status board
 * (`refresh-status-board`); a canvas is only refreshed once it has been published. App Home is in no row: it
 * is rendered from storage whenever someone opens it, so nothing is owed to it.
 */
export const REFRESH_RULES: Readonly<Record<ProjectChange, RefreshRule>> = {
  // The project's basics (`/intplan edit project`) head both documents and the board.
  "project-basics": {
    refreshes: ["refresh-plan", "refresh-discovery", "refresh-status-board"],
    when: "debounced",
  },
  // Answers feed both documents, and the board shows the interview's progress.
  answers: { refreshes: ["refresh-plan", "refresh-discovery", "refresh-status-board"], when: "debounced" },
  // Phases, tasks and exit criteria, and blockers show in the plan and on the board.
  phase: { refreshes: ["refresh-plan", "refresh-status-board"], when: "debounced" },
  checklist: { refreshes: ["refresh-plan", "refresh-status-board"], when: "debounced" },
  blocker: { refreshes: ["refresh-plan", "refresh-status-board"], when: "debounced" },
  // A PM's wording of a section (`/intplan edit`, saved or reverted) shows in that document only.
  "plan-section-edit": { refreshes: ["refresh-plan"], when: "debounced" },
  "discovery-section-edit": { refreshes: ["refresh-discovery"], when: "debounced" },
  // The board links the published document and shows its version: one publish, one refresh, no waiting.
  "document-published": { refreshes: ["refresh-status-board"], when: "at-once" },
};

/** Who changed which project when: what a storage write hands `recordChange`. */
export interface ChangeStamp {
  projectId: number;
  actorId: string;
  at: Date;
  /**
   * The app's timing settings as given (`AppDeps.timing`; absent means the defaults). Callers pass the
   * settings, not a time: whether a change waits at all, and how long, is this module's decision (the table's
   * `when` and `refreshDelayMs` after `at`), so no call site can schedule a refresh of its own. Required
   * (undefined for the defaults), so a write cannot forget to pass the app's settings on.
   */
  timing: Partial<Timing> | undefined;
}

/** When a job `rule` asks for, for a change made at `stamp.at`, runs. */
function runAfterFor(rule: RefreshRule, stamp: ChangeStamp): Date {
  if (rule.when === "at-once") return stamp.at;
  return new Date(stamp.at.getTime() + timingOf(stamp).refreshDelayMs);
}

/**
 * Inside the transaction of a change: asks for what shows it to be refreshed, as `REFRESH_RULES` says. A job
 * already waiting for the project keeps its time and is marked as having new work (see `enqueueJob`).
 */
export function recordChange(tx: DbOrTx, kind: ProjectChange, stamp: ChangeStamp): void {
  const rule = REFRESH_RULES[kind];
  const runAfter = runAfterFor(rule, stamp);
  for (const job of rule.refreshes) {
    enqueueJob(tx, { projectId: stamp.projectId, job, actorId: stamp.actorId, runAfter, now: stamp.at });
  }
}
