import { type CurrentPhase, phaseName } from "./phase-rules.js";
import type { PhaseStatus } from "./phases.js";

/**
 * How phase statuses and the current phase read to people. Here, in the domain, because two presentations
 * share the words: the Slack views (board, Home, history, phase messages) and the rendered documents (the
 * plan's phase table), and documents may not import the Slack edge. The rules stay in phase-rules.ts.
 */

export const PHASE_STATUS_LABELS: Readonly<Record<PhaseStatus, string>> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  blocked: "Blocked",
  done: "Done",
};

/** A status's label; an unknown status (an old audit row, say) as it was written. */
export const statusLabel = (status: string): string => PHASE_STATUS_LABELS[status as PhaseStatus] ?? status;

/** "Development (in progress)", "All phases done", or null before any phase started. */
export function currentPhaseLabel(current: CurrentPhase): string | null {
  if (current.kind === "not-started") return null;
  if (current.kind === "finished") return "All phases done";
  return `${phaseName(current.phase.number)} (${statusLabel(current.phase.status).toLowerCase()})`;
}
