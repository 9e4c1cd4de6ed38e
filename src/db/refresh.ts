import type { DbOrTx } from "./client.js";
import { enqueueJob } from "./outbox.js";
import { touchProject } from "./projects.js";

export interface ChangeStamp {
  projectId: number;
  actorId: string;
  at: Date;
  /** When the plan canvas and the status board should catch up (a burst of changes makes one refresh). */
  runAfter: Date;
}

/**
 * Inside the transaction of a change to phases, tasks or blockers: marks the project active and asks for
 * the plan canvas and the status board to be refreshed.
 */
export function recordProjectChange(tx: DbOrTx, stamp: ChangeStamp): void {
  touchProject(tx, stamp.projectId, stamp.at);
  for (const job of ["refresh-plan", "refresh-status-board"] as const) {
    enqueueJob(tx, {
      projectId: stamp.projectId,
      job,
      actorId: stamp.actorId,
      runAfter: stamp.runAfter,
      now: stamp.at,
    });
  }
}
