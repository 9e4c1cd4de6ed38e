import type { DbOrTx } from "../db/client.js";
import { enqueueJob, type OutboxJob } from "./queue.js";

/** The kinds of change a project's storage records, each with a row in `REFRESH_RULES`. */
export type ProjectChange = "answers" | "phase" | "checklist" | "blocker" | "document-published";

export interface RefreshRule {
  /** The background jobs that bring what shows this change up to date. */
  refreshes: readonly OutboxJob[];
  /**
   * `debounced`: the jobs run a while after the change, so a burst of changes makes one refresh each;
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
  // Answers feed both documents, and the board shows the interview's progress.
  answers: { refreshes: ["refresh-plan", "refresh-discovery", "refresh-status-board"], when: "debounced" },
  // Phases, tasks and exit criteria, and blockers show in the plan and on the board.
  phase: { refreshes: ["refresh-plan", "refresh-status-board"], when: "debounced" },
  checklist: { refreshes: ["refresh-plan", "refresh-status-board"], when: "debounced" },
  blocker: { refreshes: ["refresh-plan", "refresh-status-board"], when: "debounced" },
  // The board links the published document and shows its version: one publish, one refresh, no waiting.
  "document-published": { refreshes: ["refresh-status-board"], when: "at-once" },
};

export interface ChangeStamp {
  projectId: number;
  actorId: string;
  at: Date;
  /** When debounced refreshes should catch up (a burst of changes makes one refresh). */
  runAfter: Date;
}

/**
 * Inside the transaction of a change: asks for what shows it to be refreshed, as `REFRESH_RULES` says. A job
 * already waiting for the project keeps its time and is marked as having new work (see `enqueueJob`).
 */
export function recordChange(tx: DbOrTx, kind: ProjectChange, stamp: ChangeStamp): void {
  const rule = REFRESH_RULES[kind];
  const runAfter = rule.when === "at-once" ? stamp.at : stamp.runAfter;
  for (const job of rule.refreshes) {
    enqueueJob(tx, { projectId: stamp.projectId, job, actorId: stamp.actorId, runAfter, now: stamp.at });
  }
}
