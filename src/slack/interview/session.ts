import { z } from "zod";
import {
  clearDraft,
  loadAnswerRowsFor,
  loadAnswers,
  loadDraftRow,
  saveAnswers,
  saveDraft,
} from "../../db/answers.js";
import { findProjectById } from "../../db/projects.js";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import { refreshAt } from "../../deps.js";
import {
  type Answers,
  formatAnswerForInput,
  type RawInput,
  salvageSection,
  validateSection,
} from "../../domain/questionnaire/answers.js";
import {
  getQuestionnaire,
  type Questionnaire,
  type QuestionnaireSection,
} from "../../domain/questionnaire/definition.js";
import { inputDigest, mergeSection } from "../../domain/questionnaire/merge.js";
import { type InterviewProgress, interviewProgress } from "../../domain/questionnaire/progress.js";
import { readPrivateMetadata, writePrivateMetadata } from "../private-metadata.js";
import { isSlackUserId } from "../slack-user-id.js";
import type { ModalView } from "../views/block-kit.js";
import { buildInterviewSummaryView } from "../views/interview-summary-view.js";
import { buildInterviewSectionView, replacedNotice } from "../views/interview-view.js";

/**
 * What an interview modal carries in private_metadata: the project, the section on screen, and a digest of
 * what each of its questions showed (in question order), so a submission writes only what was changed.
 */
const metadataSchema = z.object({
  p: z.number().int().positive(),
  s: z.number().int().min(-1).max(99),
  d: z.array(z.string().max(12)).max(100).optional(),
});
export type InterviewMetadata = z.infer<typeof metadataSchema>;

/** Section index -1 is the summary. */
export const SUMMARY = -1;

export const encodeMetadata = (meta: InterviewMetadata): string => writePrivateMetadata(meta);

export const decodeMetadata = (text: string | undefined): InterviewMetadata | undefined =>
  readPrivateMetadata(metadataSchema, text);

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
function withDraft(stored: Record<string, unknown>, draft: Record<string, unknown> | undefined): Answers {
  const answers = { ...stored } as Record<string, Answers[string]>;
  for (const [questionId, raw] of Object.entries(draft ?? {})) {
    if (typeof raw === "string" || Array.isArray(raw)) answers[questionId] = raw as Answers[string];
  }
  return answers;
}

function answersWithDraft(deps: AppDeps, project: ProjectRow, section: QuestionnaireSection): Answers {
  return withDraft(loadAnswers(deps.db, project.id), loadDraftRow(deps.db, project.id, section.id)?.raw);
}

/** What a section's modal shows for each question (the input Slack hands back when nobody touches it). */
function shownInputs(section: QuestionnaireSection, answers: Answers): Record<string, RawInput> {
  return Object.fromEntries(section.questions.map((q) => [q.id, formatAnswerForInput(q, answers[q.id])]));
}

/** The modal for a section (or the summary), filled with what is known; `notices` head it (a merge's news). */
export function buildInterviewView(
  deps: AppDeps,
  ctx: InterviewContext,
  sectionIndex: number,
  notices: readonly string[] = [],
): ModalView {
  const { project, questionnaire } = ctx;
  if (sectionIndex === SUMMARY) {
    const answers = loadAnswers(deps.db, project.id) as Answers;
    const privateMetadata = encodeMetadata({ p: project.id, s: SUMMARY });
    return buildInterviewSummaryView({ questionnaire, answers, project, privateMetadata, notices });
  }
  const section = questionnaire.sections[sectionIndex] as QuestionnaireSection;
  const answers = answersWithDraft(deps, project, section);
  const shown = shownInputs(section, answers);
  const privateMetadata = encodeMetadata({
    p: project.id,
    s: sectionIndex,
    d: section.questions.map((q) => inputDigest(shown[q.id])),
  });
  return buildInterviewSectionView({
    questionnaire,
    sectionIndex,
    answers,
    project,
    privateMetadata,
    notices,
  });
}

/** The digests a modal's metadata carries, by question id; undefined when it carries none for this section. */
function shownDigests(
  section: QuestionnaireSection,
  meta: InterviewMetadata,
): Record<string, string> | undefined {
  if (!meta.d || meta.d.length !== section.questions.length) return undefined;
  return Object.fromEntries(section.questions.map((q, i) => [q.id, meta.d?.[i] ?? ""]));
}

/**
 * Keeps what someone changed in a section, merged per question with what others changed since their modal
 * was shown (see `mergeSection`): valid answers are saved (audited with the value they replace), malformed
 * ones are kept in the section's draft exactly as typed, and nothing they left alone is written.
 * `submit` (Next) also checks the section: the errors to answer with, leaving out questions someone else
 * changed since the modal was shown (their stale text is not this person's to fix); with none, the draft
 * is cleared once nothing is left in it. Returns those errors and the notices for this person's next view:
 * who changed a question they also changed.
 */
export function keepSectionInput(
  deps: AppDeps,
  ctx: InterviewContext,
  args: {
    meta: InterviewMetadata;
    raw: Record<string, RawInput>;
    actorId: string;
    submit: boolean;
  },
): { notices: string[]; errors: Record<string, string> } {
  const section = ctx.questionnaire.sections[args.meta.s];
  if (!section) return { notices: [], errors: {} };
  const projectId = ctx.project.id;
  const questionIds = section.questions.map((q) => q.id);
  const answerRows = loadAnswerRowsFor(deps.db, projectId, questionIds);
  const draftRow = loadDraftRow(deps.db, projectId, section.id);
  const draft: Record<string, unknown> = { ...(draftRow?.raw ?? {}) };
  const stored = Object.fromEntries(answerRows.map((r) => [r.questionId, r.value]));
  const current = shownInputs(section, withDraft(stored, draftRow?.raw));
  const merge = mergeSection({
    questionIds,
    shown: shownDigests(section, args.meta),
    submitted: args.raw,
    current,
  });
  const checked = args.submit ? validateSection(section, args.raw, isSlackUserId) : undefined;
  const errors = Object.fromEntries(
    Object.entries(checked?.ok === false ? checked.errors : {}).filter(
      ([id]) => !merge.keptNewer.includes(id),
    ),
  );
  const finished = args.submit && Object.keys(errors).length === 0;
  const touchedIds = Object.keys(merge.touched);
  if (touchedIds.length === 0) {
    // Nothing changed here: nothing is written (a finished section loses an empty "you were here" draft).
    if (finished && draftRow && Object.keys(draft).length === 0) clearDraft(deps.db, projectId, section.id);
    return { notices: [], errors };
  }

  const at = deps.clock();
  const { valid, invalid } = salvageSection(section, args.raw, isSlackUserId);
  const pick = <T>(from: Record<string, T>) =>
    Object.fromEntries(Object.entries(from).filter(([id]) => touchedIds.includes(id)));
  saveAnswers(deps.db, {
    projectId,
    sectionId: section.id,
    values: pick(valid),
    actorId: args.actorId,
    at,
    refresh: { runAfter: refreshAt(deps) },
  });
  for (const id of touchedIds) delete draft[id];
  Object.assign(draft, pick(invalid));
  if (finished && Object.keys(draft).length === 0) clearDraft(deps.db, projectId, section.id);
  else saveDraft(deps.db, { projectId, sectionId: section.id, raw: draft, actorId: args.actorId, at });

  // Who had changed what this person replaced: the draft's author for text kept as typed, else the answer's.
  const authorOf = (id: string) =>
    id in (draftRow?.raw ?? {}) ? draftRow?.savedBy : answerRows.find((r) => r.questionId === id)?.answeredBy;
  const notices = merge.replaced.flatMap((id) => {
    const question = section.questions.find((q) => q.id === id);
    const by = authorOf(id);
    return question && by && by !== args.actorId ? [replacedNotice(question, by, ctx.project)] : [];
  });
  return { notices, errors };
}

export function projectInterviewProgress(deps: AppDeps, project: ProjectRow): InterviewProgress {
  return interviewProgress(
    getQuestionnaire(project.questionnaireVersion),
    loadAnswers(deps.db, project.id) as Answers,
  );
}
