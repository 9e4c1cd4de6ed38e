import { loadAnswers } from "../db/answer-store.js";
import { changePhaseStatus, setPhaseOwner } from "../db/phase-store.js";
import type { PhaseRow, ProjectRow } from "../db/schema.js";
import { phaseOwner, teamOf } from "../domain/phase-owners.js";
import { canSignOff, signOffPeople } from "../domain/phase-rules.js";
import type { PhaseStatus } from "../domain/phases.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place } from "./service-deps.js";

/**
 * Moving a phase along, and signing it off. Who may sign off is the domain's rule (the project's owners);
 * this decides, in one place, what each attempt does and tells the caller which way it went.
 */

/** What a sign-off confirms: marking this phase of this project done, with this note. */
export interface SignOffRequest {
  projectId: number;
  phaseNumber: number;
  note: string | null;
}

/** A change that was made: the phase as it is now, and the status it had. */
export interface PhaseChanged {
  phase: PhaseRow;
  previousStatus: string;
}

export type PhaseChangeOutcome =
  | { kind: "unchanged" }
  /** Done was asked while exit criteria are open: nothing changed; an owner has to sign off. */
  | {
      kind: "needs-sign-off";
      openCriteria: string[];
      signers: string[];
      /** Whether the person asking may sign off themselves. */
      canSignOff: boolean;
      request: SignOffRequest;
    }
  | { kind: "changed"; change: PhaseChanged };

function markPhase(
  deps: ChangeDeps,
  args: SignOffRequest & { status: PhaseStatus; actorId: string; signingOff: boolean },
) {
  return changePhaseStatus(deps.db, {
    projectId: args.projectId,
    phaseNumber: args.phaseNumber,
    status: args.status,
    note: args.note,
    signingOff: args.signingOff,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
}

/** `/intplan phase`: moves a phase to a status; done with open exit criteria waits for a sign-off. */
export function changePhase(
  deps: ChangeDeps,
  args: {
    project: ProjectRow;
    phaseNumber: number;
    status: PhaseStatus;
    note: string | null;
    actorId: string;
  },
): PhaseChangeOutcome {
  const { project } = args;
  const request: SignOffRequest = { projectId: project.id, phaseNumber: args.phaseNumber, note: args.note };
  const change = markPhase(deps, {
    ...request,
    status: args.status,
    actorId: args.actorId,
    signingOff: false,
  });
  if (change.kind === "unchanged") return { kind: "unchanged" };
  if (change.kind === "needs-sign-off") {
    return {
      kind: "needs-sign-off",
      openCriteria: change.openExitCriteria.map((c) => c.label),
      signers: signOffPeople(project),
      canSignOff: canSignOff(project, args.actorId),
      request,
    };
  }
  return { kind: "changed", change };
}

export type SignOffOutcome =
  /** The request is unreadable, or its project is not the one of the place it was sent from. */
  | { kind: "not-here" }
  | { kind: "not-allowed"; signers: string[] }
  | { kind: "already-done"; request: SignOffRequest }
  | { kind: "signed-off"; project: ProjectRow; request: SignOffRequest; change: PhaseChanged };

/** The sign-off button: an owner marks the phase done although exit criteria are open. */
export function signOffPhase(
  deps: ChangeDeps,
  args: { place: Place; request: SignOffRequest | undefined; actorId: string },
): SignOffOutcome {
  const { request } = args;
  const project = request && findProjectHere(deps, args.place, request.projectId);
  if (!request || !project) return { kind: "not-here" };
  if (!canSignOff(project, args.actorId)) return { kind: "not-allowed", signers: signOffPeople(project) };
  const change = markPhase(deps, { ...request, status: "done", actorId: args.actorId, signingOff: true });
  if (change.kind !== "changed") return { kind: "already-done", request };
  return { kind: "signed-off", project, request, change };
}

export type AskSignOffOutcome =
  | { kind: "not-here" }
  | { kind: "already-done"; request: SignOffRequest }
  /** The criteria were ticked meanwhile, so the phase simply moved to done. */
  | { kind: "done"; project: ProjectRow; request: SignOffRequest; change: PhaseChanged }
  /** Still waiting: the owners are to be asked. */
  | { kind: "ask"; project: ProjectRow; request: SignOffRequest; signers: string[]; openCriteria: string[] };

/** "Ask for sign-off": moves the phase to done when nothing is open any more, else says whom to ask. */
export function askForSignOff(
  deps: ChangeDeps,
  args: { place: Place; request: SignOffRequest | undefined; actorId: string },
): AskSignOffOutcome {
  const { request } = args;
  const project = request && findProjectHere(deps, args.place, request.projectId);
  if (!request || !project) return { kind: "not-here" };
  const change = markPhase(deps, { ...request, status: "done", actorId: args.actorId, signingOff: false });
  if (change.kind === "unchanged") return { kind: "already-done", request };
  if (change.kind === "changed") return { kind: "done", project, request, change };
  return {
    kind: "ask",
    project,
    request,
    signers: signOffPeople(project),
    openCriteria: change.openExitCriteria.map((c) => c.label),
  };
}

/**
 * `/intplan phase <n> owner`: sets who owns a phase (null: back to the team's default). Says who owns it
 * now, the default included, and whether anything changed.
 */
export function setPhaseOwnerOf(
  deps: ChangeDeps,
  args: { project: ProjectRow; phaseNumber: number; ownerId: string | null; actorId: string },
): { changed: boolean; owner: string | null } {
  const changed = setPhaseOwner(deps.db, {
    projectId: args.project.id,
    phaseNumber: args.phaseNumber,
    ownerId: args.ownerId,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
  const team = teamOf(args.project, loadAnswers(deps.db, args.project.id));
  return { changed, owner: phaseOwner({ number: args.phaseNumber, ownerId: args.ownerId }, team) };
}
