import { type CurrentPhase, currentPhase, phaseName } from "../domain/phase-rules.js";
import { countOpenBlockers, listOpenBlockers } from "./blockers.js";
import type { DbOrTx } from "./client.js";
import { loadPhases } from "./phases.js";
import type { BlockerRow } from "./schema.js";

/** Where a project stands right now, for documents, the status board and App Home. */

export interface LivePhase {
  number: number;
  name: string;
  /** not-started, in-progress, blocked or done */
  status: string;
  ownerId: string | null;
  note: string | null;
  /** YYYY-MM-DD */
  startedOn: string | null;
  endedOn: string | null;
  signedOffBy: string | null;
  signedOffAt: Date | null;
}

export interface LiveBlocker {
  number: number;
  text: string;
  ownerId: string | null;
  waitingOnClient: boolean;
  createdAt: Date;
  /** The message it was logged from, when it came from the "Log as blocker" shortcut. */
  sourcePermalink: string | null;
}

export interface ProjectLiveState {
  phases: LivePhase[];
  /** Oldest first. */
  openBlockers: LiveBlocker[];
}

export const toLiveBlocker = (b: BlockerRow): LiveBlocker => ({
  number: b.number,
  text: b.text,
  ownerId: b.ownerId,
  waitingOnClient: b.waitingOnClient,
  createdAt: b.createdAt,
  sourcePermalink: b.sourcePermalink,
});

export function loadProjectLiveState(db: DbOrTx, projectId: number): ProjectLiveState {
  return {
    phases: loadPhases(db, projectId).map((p) => ({
      number: p.number,
      name: phaseName(p.number),
      status: p.status,
      ownerId: p.ownerId,
      note: p.note,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      signedOffBy: p.signedOffBy,
      signedOffAt: p.signedOffAt,
    })),
    openBlockers: listOpenBlockers(db, projectId).map(toLiveBlocker),
  };
}

/** The App Home line's live figures for one project. */
export function homeFactsFor(
  db: DbOrTx,
  projectId: number,
): { currentPhase: CurrentPhase; openBlockers: number } {
  return {
    currentPhase: currentPhase(loadPhases(db, projectId)),
    openBlockers: countOpenBlockers(db, projectId),
  };
}
