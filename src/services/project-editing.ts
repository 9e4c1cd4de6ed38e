import { loadAnswers } from "../db/answer-store.js";
import { updateProjectBasics } from "../db/project-edit-store.js";
import type { ProjectRow } from "../db/schema.js";
import { classifyAnswers } from "../domain/classify.js";
import { isoDate } from "../domain/dates.js";
import type { IntegrationType, IntegrationTypeSource } from "../domain/integration-type.js";
import type { IsPersonId } from "../domain/person-id.js";
import {
  type BasicsChange,
  basicsOf,
  changedBasics,
  type ProjectBasics,
  type ProjectBasicsField,
  validateProjectEdit,
} from "../domain/project-edit.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place } from "./service-deps.js";

/**
 * `/intplan edit project`: the project's basics, prefilled, saved with one audit row and followed by the
 * documents and the board. Anyone in the project's channel may edit them, as they may every other part of
 * the project's data (phases, blockers, sections); the history says who did.
 */

export interface ResolvedTypes {
  types: IntegrationType[];
  source: IntegrationTypeSource;
}

/** The types a person picked, or (none picked) what the classifier finds in the basics and the answers. */
function resolveTypes(basics: ProjectBasics, answers: Answers): ResolvedTypes {
  if (basics.integrationTypes.length > 0) return { types: basics.integrationTypes, source: "chosen" };
  return { types: classifyAnswers(basics, answers).types, source: "auto" };
}

/** The stored project's types as resolved now. */
const storedTypes = (project: ProjectRow): ResolvedTypes => ({
  types: project.integrationTypes.length > 0 ? [...project.integrationTypes] : [project.integrationType],
  source: project.integrationTypeSource,
});

/** What the edit form opens with. */
export const projectBasicsOf = (project: ProjectRow): ProjectBasics => basicsOf(project);

export type EditProjectOutcome =
  /** The form is for a project that is not this channel's any more (deleted meanwhile). */
  | { kind: "not-here" }
  | { kind: "invalid"; errors: Partial<Record<ProjectBasicsField, string>> }
  | { kind: "unchanged"; project: ProjectRow }
  | { kind: "saved"; project: ProjectRow; changes: BasicsChange[] };

export function editProjectBasics(
  deps: ChangeDeps,
  args: {
    place: Place;
    projectId: number;
    form: Record<string, unknown>;
    actorId: string;
    /** How the chat platform names a person (the lead and PM fields). */
    isPersonId: IsPersonId;
  },
): EditProjectOutcome {
  const project = findProjectHere(deps, args.place, args.projectId);
  if (!project) return { kind: "not-here" };
  const at = deps.clock();
  const validation = validateProjectEdit(args.form, {
    today: isoDate(at),
    currentGoLive: project.targetGoLive,
    isPersonId: args.isPersonId,
  });
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const basics = validation.value;
  const types = resolveTypes(basics, loadAnswers(deps.db, project.id) as Answers);
  const changes = changedBasics(basicsOf(project), basics, { before: storedTypes(project), after: types });
  if (changes.length === 0) return { kind: "unchanged", project };
  const saved = updateProjectBasics(deps.db, {
    projectId: project.id,
    basics,
    types,
    changes,
    actorId: args.actorId,
    at,
    timing: deps.timing,
  });
  return { kind: "saved", project: saved, changes };
}
