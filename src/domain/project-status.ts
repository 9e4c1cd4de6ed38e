import type { PhaseState } from "./phase-rules.js";

/**
 * Where a project is, in one word, read from its phases: the plan's header and the status board both say
 * this, so they never disagree.
 */

export const PROJECT_STATUSES = [
  "Planning",
  "In development",
  "Testing",
  "Deploying",
  "Live",
  "Closed",
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Planning until Development starts; then the furthest phase that has started names the status. Deployment
 * done is Live, Post-launch done is Closed.
 */
export function projectStatus(phases: readonly PhaseState[]): ProjectStatus {
  const statusOf = (n: number) => phases.find((p) => p.number === n)?.status ?? "not-started";
  const started = (n: number) => statusOf(n) !== "not-started";
  if (statusOf(5) === "done") return "Closed";
  if (statusOf(4) === "done") return "Live";
  if (started(4)) return "Deploying";
  if (started(3)) return "Testing";
  if (started(2)) return "In development";
  return "Planning";
}

/** The planned end of each phase (YYYY-MM-DD), as the plan's schedule has it. */
export interface PlannedEnds {
  phases: readonly { number: number; end: string }[];
}

/**
 * The planned end of a phase still open (not done) after it: the date it has been behind plan since.
 * Null when it is done, on time, or the plan has no dates.
 */
export function behindPlanSince(
  phase: PhaseState,
  schedule: PlannedEnds | null | undefined,
  today: string,
): string | null {
  if (phase.status === "done") return null;
  const end = schedule?.phases.find((p) => p.number === phase.number)?.end;
  return end !== undefined && end < today ? end : null;
}
