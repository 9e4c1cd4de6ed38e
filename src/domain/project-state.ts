/**
 * Where a project stands right now, as storage reads it and documents, the status board and App Home show
 * it: plain shapes, so views can render them without reaching storage.
 */

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

/** The live view of a blocker (a stored row has these fields and more). */
export const toLiveBlocker = (b: LiveBlocker): LiveBlocker => ({
  number: b.number,
  text: b.text,
  ownerId: b.ownerId,
  waitingOnClient: b.waitingOnClient,
  createdAt: b.createdAt,
  sourcePermalink: b.sourcePermalink,
});

/** Ticked and total tasks and exit criteria of one phase. */
export interface PhaseProgress {
  phaseNumber: number;
  tasksDone: number;
  tasksTotal: number;
  exitDone: number;
  exitTotal: number;
}

/** What deleting a project removed. */
export interface DeletionSummary {
  answers: number;
  blockers: number;
  checklistItems: number;
  historyEntries: number;
  publications: number;
  /** Versions frozen for the client (`/intplan freeze`); their files already posted stay in Slack. */
  frozenVersions: number;
  /** Canvases intplan made for the project, to delete in Slack too. */
  canvasIds: string[];
}
