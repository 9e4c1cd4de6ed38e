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

/**
 * A channel's reminder settings (`/intplan settings`) are changed by the lead engineer, the project manager
 * or the person who created the project; anyone in the channel may see them.
 */
export const settingsChangers = (roles: ProjectRoles): string[] =>
  [...new Set([roles.leadEngineerId, roles.projectManagerId, roles.createdBy])].filter((id): id is string =>
    Boolean(id),
  );

export const mayChangeSettings = (roles: ProjectRoles, userId: string): boolean =>
  settingsChangers(roles).includes(userId);
