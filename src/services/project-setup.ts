import type { Db } from "../db/client.js";
import { createProject } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import { classifyProject } from "../domain/classify.js";
import { isoDate } from "../domain/dates.js";
import type { IsPersonId } from "../domain/person-id.js";
import { type NewProjectField, resolveIntegrationType, validateNewProject } from "../domain/project.js";
import { LATEST_QUESTIONNAIRE_VERSION } from "../domain/questionnaire/definition.js";

/** Creating a project: where the form may open, and what its submission makes. */

export type NewProjectStart =
  | { kind: "open-form" }
  /** One channel holds one project. */
  | { kind: "channel-has-project"; project: ProjectRow }
  /** A project lives in a channel; a direct message is none. */
  | { kind: "direct-message" };

/** Whether `/intplan new` may open its form in this channel (its project, if any, already looked up). */
export function whereNewProjectStarts(
  existing: ProjectRow | undefined,
  where: { isDirectMessage: boolean },
): NewProjectStart {
  if (existing) return { kind: "channel-has-project", project: existing };
  if (where.isDirectMessage) return { kind: "direct-message" };
  return { kind: "open-form" };
}

export type CreateProjectOutcome =
  | { kind: "invalid"; errors: Partial<Record<NewProjectField, string>> }
  | { kind: "channel-has-project"; existing: ProjectRow }
  | { kind: "created"; project: ProjectRow };

/**
 * The new-project form's submission: validated against today, the integration type classified when the
 * person left it to us, then stored with an audit row (unless the channel got a project meanwhile).
 */
export function createProjectFromForm(
  deps: { db: Db; clock: () => Date },
  args: {
    teamId: string;
    channelId: string;
    form: Record<string, unknown>;
    actorId: string;
    /** How the chat platform names a person (the lead and PM fields). */
    isPersonId: IsPersonId;
  },
): CreateProjectOutcome {
  const now = deps.clock();
  const validation = validateNewProject(args.form, isoDate(now), args.isPersonId);
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const input = validation.value;
  const result = createProject(deps.db, {
    teamId: args.teamId,
    channelId: args.channelId,
    input,
    integrationType: resolveIntegrationType(input.integrationType, () => classifyProject(input).types),
    // A new project is interviewed with the latest questionnaire, and keeps that version from then on.
    questionnaireVersion: LATEST_QUESTIONNAIRE_VERSION,
    actorId: args.actorId,
    at: now,
  });
  return result.created
    ? { kind: "created", project: result.project }
    : { kind: "channel-has-project", existing: result.existing };
}
