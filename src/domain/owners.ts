/**
 * Who owns a project: the one rule behind "who may sign off a phase" and "who may delete the project".
 */

export interface ProjectRoles {
  leadEngineerId: string | null;
  projectManagerId: string | null;
  createdBy: string;
}

/** The project's lead engineer and project manager; the person who created it while neither is named. */
export function projectOwners(roles: ProjectRoles): string[] {
  const named = [roles.leadEngineerId, roles.projectManagerId].filter((id): id is string => Boolean(id));
  return named.length > 0 ? [...new Set(named)] : [roles.createdBy];
}

export const isProjectOwner = (roles: ProjectRoles, userId: string): boolean =>
  projectOwners(roles).includes(userId);

/** Deleting a project and all its data is for its owners only. */
export const mayDeleteProject = (roles: ProjectRoles, userId: string): boolean =>
  isProjectOwner(roles, userId);
