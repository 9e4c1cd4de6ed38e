import { loadAnswers } from "../db/answer-store.js";
import { moveQuestionnaire } from "../db/questionnaire-store.js";
import type { ProjectRow } from "../db/schema.js";
import { type CarryOver, carryOverAnswers } from "../domain/questionnaire/carry-over.js";
import {
  allQuestions,
  getQuestionnaire,
  LATEST_QUESTIONNAIRE_VERSION,
} from "../domain/questionnaire/definition.js";
import { withSystemNames } from "../domain/text.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place, StorageDeps } from "./service-deps.js";

/**
 * `/intplan questionnaire`: the project's questionnaire version and what the latest adds, and moving the
 * project to the latest (`upgrade`, then a confirmation) with its answers carried over
 * (domain/questionnaire/carry-over.ts). A project keeps its version until someone moves it; the move is not
 * undoable, so it is confirmed first, and what is not carried over is kept in the history's audit row.
 */

export interface SectionAdditions {
  section: string;
  questions: string[];
}

export interface QuestionnaireOverview {
  project: ProjectRow;
  version: number;
  latest: number;
  /** The latest version's new questions by section (with the system names), when the project is older. */
  added: SectionAdditions[];
  /** What a move would carry over now, from the answers stored; null when the project is on the latest. */
  preview: CarryOver | null;
}

export function questionnaireOverview(deps: StorageDeps, project: ProjectRow): QuestionnaireOverview {
  const version = project.questionnaireVersion;
  const latest = LATEST_QUESTIONNAIRE_VERSION;
  if (version >= latest) return { project, version, latest, added: [], preview: null };
  const from = getQuestionnaire(version);
  const to = getQuestionnaire(latest);
  const asked = new Set(allQuestions(from).map((q) => q.id));
  const added = to.sections
    .map((s) => ({
      section: withSystemNames(s.title, project),
      questions: s.questions.filter((q) => !asked.has(q.id)).map((q) => withSystemNames(q.label, project)),
    }))
    .filter((s) => s.questions.length > 0);
  const preview = carryOverAnswers(loadAnswers(deps.db, project.id), from, to);
  return { project, version, latest, added, preview };
}

export type MoveOutcome =
  | { kind: "not-here" }
  | { kind: "already-latest"; project: ProjectRow; version: number }
  | {
      kind: "moved";
      project: ProjectRow;
      from: number;
      to: number;
      carryOver: CarryOver;
      draftsDropped: number;
    };

/** The confirmed move: the project here (the button's project id must match), to the latest version. */
export function moveToLatestQuestionnaire(
  deps: ChangeDeps,
  args: { place: Place; projectId: number | undefined; userId: string },
): MoveOutcome {
  const project = findProjectHere(deps, args.place, args.projectId ?? 0);
  if (!project) return { kind: "not-here" };
  const result = moveQuestionnaire(deps.db, {
    projectId: project.id,
    to: LATEST_QUESTIONNAIRE_VERSION,
    actorId: args.userId,
    at: deps.clock(),
    refresh: { timing: deps.timing },
  });
  if (!result.moved) {
    if (result.reason === "no-project") return { kind: "not-here" };
    return { kind: "already-latest", project, version: result.version };
  }
  return {
    kind: "moved",
    project: { ...project, questionnaireVersion: result.to },
    from: result.from,
    to: result.to,
    carryOver: result.carryOver,
    draftsDropped: result.draftsDropped,
  };
}
