import { deleteProject } from "../db/project-deletion.js";
import { findProjectByChannel, findProjectByIdAnyTeam } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import { mayDeleteProject } from "../domain/owners.js";
import type { DeletionSummary } from "../domain/project-state.js";
import type { Place, StorageDeps } from "./service-deps.js";

/** Finding the project a request is about, and deleting a project. */

/** The channel's project (one channel holds at most one). */
export function findChannelProject(
  deps: StorageDeps,
  where: { teamId: string; channelId: string },
): ProjectRow | undefined {
  return findProjectByChannel(deps.db, where);
}

/** The project background work is for (a job names its project by id alone), if it still exists. */
export function findProjectForJob(deps: StorageDeps, projectId: number): ProjectRow | undefined {
  return findProjectByIdAnyTeam(deps.db, projectId);
}

/**
 * The project a button or modal is about, only when it is still where the request comes from: the channel's
 * project (and, when the request names one, that very project). Anything else (no channel, another channel's
 * or workspace's project, a forged id) is no project.
 */
export function findProjectHere(deps: StorageDeps, place: Place, projectId?: number): ProjectRow | undefined {
  if (!place.channelId) return undefined;
  const project = findProjectByChannel(deps.db, { teamId: place.teamId, channelId: place.channelId });
  return project && (projectId === undefined || project.id === projectId) ? project : undefined;
}

export type DeleteRequestOutcome = { kind: "confirm" } | { kind: "not-allowed" };

/** `/intplan delete`: only the project's owners are asked to confirm. */
export const requestDeletion = (project: ProjectRow, userId: string): DeleteRequestOutcome =>
  mayDeleteProject(project, userId) ? { kind: "confirm" } : { kind: "not-allowed" };

export type DeleteOutcome =
  | { kind: "not-here" }
  | { kind: "not-allowed"; project: ProjectRow }
  | { kind: "already-deleted"; project: ProjectRow }
  /** The rows are gone; the canvases named in `removed` are still to be deleted in Slack. */
  | { kind: "deleted"; project: ProjectRow; removed: DeletionSummary };

/** The confirmed delete: this place's project, by one of its owners, with all its data. */
export function deleteProjectHere(
  deps: StorageDeps,
  args: { place: Place; projectId: number | undefined; userId: string },
): DeleteOutcome {
  const project = findProjectHere(deps, args.place, args.projectId ?? 0);
  if (!project) return { kind: "not-here" };
  if (!mayDeleteProject(project, args.userId)) return { kind: "not-allowed", project };
  const removed = deleteProject(deps.db, project.id);
  return removed ? { kind: "deleted", project, removed } : { kind: "already-deleted", project };
}
