import { enqueueJob, type OutboxJob } from "../outbox/queue.js";
import type { DbOrTx } from "./client.js";
import { touchProject } from "./projects.js";

export interface ChangeStamp {
  projectId: number;
  actorId: string;
  at: Date;
  /** When the plan canvas and the status board should catch up (a burst of changes makes one refresh). */
  runAfter: Date;
}

/** What a change to phases, tasks or blockers shows in: the plan canvas and the status board. */
const PROJECT_VIEWS: readonly OutboxJob[] = ["refresh-plan", "refresh-status-board"];

/**
 * Inside the transaction of a change: marks the project active and asks for what shows it to be refreshed
 * (by default the plan canvas and the status board; answers feed the discovery document too).
 */
export function recordProjectChange(
  tx: DbOrTx,
  stamp: ChangeStamp,
  jobs: readonly OutboxJob[] = PROJECT_VIEWS,
): void {
  touchProject(tx, stamp.projectId, stamp.at);
  for (const job of jobs) {
    enqueueJob(tx, {
      projectId: stamp.projectId,
      job,
      actorId: stamp.actorId,
      runAfter: stamp.runAfter,
      now: stamp.at,
    });
  }
}
