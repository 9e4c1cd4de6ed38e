import {
  type AddBlockerResult,
  addBlocker,
  listOpenBlockers,
  type ResolveBlockerResult,
  resolveBlocker,
} from "../db/blocker-store.js";
import type { ProjectRow } from "../db/schema.js";
import { type BlockerInput, checkBlockerText } from "../domain/blockers.js";
import { type LiveBlocker, toLiveBlocker } from "../domain/project-state.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place, StorageDeps } from "./service-deps.js";

/** Logging, resolving and listing a project's blockers. */

/** `/intplan blocker`: logs a blocker typed in the command. */
export function logBlocker(
  deps: ChangeDeps,
  args: { project: ProjectRow; input: BlockerInput; actorId: string },
): AddBlockerResult {
  return addBlocker(deps.db, {
    projectId: args.project.id,
    input: args.input,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
}

export type LogFromMessageOutcome =
  /** The channel's project is gone (or is another one than the modal was opened for): nothing was logged. */
  | { kind: "not-here" }
  /** The text as typed in the modal cannot be a blocker. */
  | { kind: "invalid"; error: string }
  | (AddBlockerResult & { project: ProjectRow });

/** The "Log as blocker" modal: logs a blocker linked to the message it was opened from. */
export async function logBlockerFromMessage(
  deps: ChangeDeps,
  args: {
    place: Place;
    projectId: number;
    /** As typed in the modal: the text is checked here. */
    input: BlockerInput;
    /** The message's timestamp, and a way to its link (looked up only when the project is still there). */
    message: { ts: string; permalink: (project: ProjectRow) => Promise<string | null> };
    actorId: string;
  },
): Promise<LogFromMessageOutcome> {
  const project = findProjectHere(deps, args.place, args.projectId);
  if (!project) return { kind: "not-here" };
  const text = checkBlockerText(args.input.text);
  if (!text.ok) return { kind: "invalid", error: text.error };
  const permalink = await args.message.permalink(project);
  const result = addBlocker(deps.db, {
    projectId: project.id,
    input: { ...args.input, text: text.text },
    source: { ts: args.message.ts, permalink },
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
  return { ...result, project };
}

/** `/intplan blocker resolve`: resolves one of the project's blockers by its number. */
export function resolveProjectBlocker(
  deps: ChangeDeps,
  args: { project: ProjectRow; number: number; note: string | null; actorId: string },
): ResolveBlockerResult {
  return resolveBlocker(deps.db, {
    projectId: args.project.id,
    number: args.number,
    note: args.note,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
}

/** `/intplan blockers`: the open blockers, oldest first, as the views show them. */
export const openBlockers = (deps: StorageDeps, project: ProjectRow): LiveBlocker[] =>
  listOpenBlockers(deps.db, project.id).map(toLiveBlocker);
