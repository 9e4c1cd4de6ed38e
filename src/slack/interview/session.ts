import { z } from "zod";
import type { AppDeps } from "../../app.js";
import { refreshAt } from "../../app.js";
import { clearDraft, loadAnswers, loadDraft, saveAnswers, saveDraft } from "../../db/answers.js";
import { findProjectById } from "../../db/projects.js";
import type { ProjectRow } from "../../db/schema.js";
import { type Answers, type RawInput, salvageSection } from "../../domain/questionnaire/answers.js";
import {
  getQuestionnaire,
  type Questionnaire,
  type QuestionnaireSection,
} from "../../domain/questionnaire/definition.js";
import { type InterviewProgress, interviewProgress } from "../../domain/questionnaire/progress.js";
import type { ModalView } from "../views/block-kit.js";
import { buildInterviewSummaryView } from "../views/interview-summary-view.js";
import { buildInterviewSectionView } from "../views/interview-view.js";

/** What an interview modal carries in private_metadata: the project and the section on screen. */
const metadataSchema = z.object({ p: z.number().int().positive(), s: z.number().int().min(-1).max(99) });
export type InterviewMetadata = z.infer<typeof metadataSchema>;

/** Section index -1 is the summary. */
export const SUMMARY = -1;

export function encodeMetadata(meta: InterviewMetadata): string {
  return JSON.stringify(meta);
}

export function decodeMetadata(text: string | undefined): InterviewMetadata | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface InterviewContext {
  project: ProjectRow;
  questionnaire: Questionnaire;
}

/** The project a modal belongs to, only within the workspace that sent the request. */
export function loadInterview(
  deps: AppDeps,
  teamId: string,
  meta: InterviewMetadata,
): InterviewContext | undefined {
  const project = findProjectById(deps.db, teamId, meta.p);
  if (!project) return undefined;
  const questionnaire = getQuestionnaire(project.questionnaireVersion);
  if (meta.s !== SUMMARY && !questionnaire.sections[meta.s]) return undefined;
  return { project, questionnaire };
}

/** Stored answers with whatever was typed but not yet valid laid over them, so the modal shows it again. */
function answersWithDraft(deps: AppDeps, project: ProjectRow, section: QuestionnaireSection): Answers {
  const answers = loadAnswers(deps.db, project.id) as Record<string, Answers[string]>;
  const draft = loadDraft(deps.db, project.id, section.id) ?? {};
  for (const [questionId, raw] of Object.entries(draft)) {
    if (typeof raw === "string" || Array.isArray(raw)) answers[questionId] = raw as Answers[string];
  }
  return answers;
}

/** The modal for a section (or the summary), filled with what is known. */
export function buildInterviewView(deps: AppDeps, ctx: InterviewContext, sectionIndex: number): ModalView {
  const { project, questionnaire } = ctx;
  const privateMetadata = encodeMetadata({ p: project.id, s: sectionIndex });
  if (sectionIndex === SUMMARY) {
    const answers = loadAnswers(deps.db, project.id) as Answers;
    return buildInterviewSummaryView({ questionnaire, answers, project, privateMetadata });
  }
  const section = questionnaire.sections[sectionIndex] as QuestionnaireSection;
  return buildInterviewSectionView({
    questionnaire,
    sectionIndex,
    answers: answersWithDraft(deps, project, section),
    project,
    privateMetadata,
  });
}

/**
 * Keeps everything typed in a section: valid answers are saved (audited), malformed ones are kept as a
 * draft exactly as typed. `finished` clears the draft (the section was submitted with Next).
 */
export function keepSectionInput(
  deps: AppDeps,
  ctx: InterviewContext,
  args: { sectionIndex: number; raw: Record<string, RawInput>; actorId: string; finished: boolean },
): { invalid: string[] } {
  const section = ctx.questionnaire.sections[args.sectionIndex];
  if (!section) return { invalid: [] };
  const at = deps.clock();
  const { valid, invalid } = salvageSection(section, args.raw);
  saveAnswers(deps.db, {
    projectId: ctx.project.id,
    sectionId: section.id,
    values: valid,
    actorId: args.actorId,
    at,
    refresh: { runAfter: refreshAt(deps) },
  });
  const invalidIds = Object.keys(invalid);
  if (args.finished && invalidIds.length === 0) clearDraft(deps.db, ctx.project.id, section.id);
  else
    saveDraft(deps.db, {
      projectId: ctx.project.id,
      sectionId: section.id,
      raw: invalid,
      actorId: args.actorId,
      at,
    });
  return { invalid: invalidIds };
}

export function projectInterviewProgress(deps: AppDeps, project: ProjectRow): InterviewProgress {
  return interviewProgress(
    getQuestionnaire(project.questionnaireVersion),
    loadAnswers(deps.db, project.id) as Answers,
  );
}
