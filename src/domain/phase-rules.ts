import { isProjectOwner, type ProjectRoles, projectOwners } from "./owners.js";
import { PHASES, type PhaseStatus } from "./phases.js";

/** The rules of moving a phase along: who signs off, when a sign-off is needed, dates, the current phase. */

/** The longest note a phase change keeps. */
export const PHASE_NOTE_MAX = 500;

/** The roles that decide who signs off. */
export type SignOffRoles = ProjectRoles;

/** Who signs off a phase: the project's owners (the same people who may delete it). */
export const signOffPeople = (roles: SignOffRoles): string[] => projectOwners(roles);

export const canSignOff = (roles: SignOffRoles, userId: string): boolean => isProjectOwner(roles, userId);

export type PhaseChangeDecision = "unchanged" | "needs-sign-off" | "apply";

export function decidePhaseChange(args: {
  current: { status: string; note: string | null };
  status: PhaseStatus;
  note: string | null;
  openExitCriteria: number;
  signingOff: boolean;
}): PhaseChangeDecision {
  const { current, status, note } = args;
  if (current.status === status && (note === null || note === current.note)) return "unchanged";
  const finishing = status === "done" && current.status !== "done";
  if (finishing && args.openExitCriteria > 0 && !args.signingOff) return "needs-sign-off";
  return "apply";
}

export interface PhaseDates {
  startedOn: string | null;
  endedOn: string | null;
}

/** Start and end dates after a status change, as YYYY-MM-DD; going back to not-started clears both. */
export function phaseDatesAfter(
  current: PhaseDates & { status: string },
  status: PhaseStatus,
  today: string,
): PhaseDates {
  if (status === "not-started") return { startedOn: null, endedOn: null };
  const startedOn = current.startedOn ?? today;
  if (status !== "done") return { startedOn, endedOn: null };
  return { startedOn, endedOn: current.status === "done" ? (current.endedOn ?? today) : today };
}

export interface PhaseState {
  number: number;
  status: string;
}

export type CurrentPhase =
  | { kind: "not-started" }
  | { kind: "running"; phase: PhaseState }
  | { kind: "finished" };

/** The phase the project is in: the first one in progress or blocked, else the next one not done. */
export function currentPhase(phases: readonly PhaseState[]): CurrentPhase {
  const sorted = [...phases].sort((a, b) => a.number - b.number);
  const active = sorted.find((p) => p.status === "in-progress" || p.status === "blocked");
  if (active) return { kind: "running", phase: active };
  const next = sorted.find((p) => p.status !== "done");
  if (!next) return { kind: "finished" };
  return sorted.some((p) => p.status !== "not-started")
    ? { kind: "running", phase: next }
    : { kind: "not-started" };
}

export const phaseName = (number: number): string => PHASES[number - 1]?.name ?? `Phase ${number}`;
