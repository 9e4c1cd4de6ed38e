import { type CurrentPhase, currentPhase, phaseName } from "../domain/phase-rules.js";
import { type ProjectLiveState, toLiveBlocker } from "../domain/project-state.js";
import { countOpenBlockers, listOpenBlockers } from "./blocker-store.js";
import type { DbOrTx } from "./client.js";
import { loadPhases } from "./phase-store.js";

/** Where a project stands right now (domain/project-state.ts), read from storage. */

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
