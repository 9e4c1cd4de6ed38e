import { type Answers, isAnswered } from "./answers.js";
import type { Questionnaire, QuestionnaireSection } from "./definition.js";

/**
 * How far an interview has got. A section is complete when something in it is answered and none of
 * its required questions is left empty; a section nobody touched is "not started", even when none of
 * its questions is required.
 */

export type SectionStatus = "complete" | "incomplete" | "not_started";

export interface MissingAnswer {
  sectionId: string;
  questionId: string;
  /** The question's label as written in the definition (may hold `{systemA}` / `{systemB}`). */
  label: string;
}

export interface SectionProgress {
  sectionId: string;
  /** 0-based position in the questionnaire. */
  index: number;
  title: string;
  answered: number;
  total: number;
  requiredMissing: MissingAnswer[];
  status: SectionStatus;
}

export interface InterviewProgress {
  sectionsComplete: number;
  sectionsTotal: number;
  requiredMissing: MissingAnswer[];
  perSection: SectionProgress[];
}

export function sectionProgress(
  section: QuestionnaireSection,
  index: number,
  answers: Answers,
): SectionProgress {
  const answered = section.questions.filter((q) => isAnswered(answers[q.id], q)).length;
  const requiredMissing = section.questions
    .filter((q) => q.required && !isAnswered(answers[q.id], q))
    .map((q) => ({ sectionId: section.id, questionId: q.id, label: q.label }));
  const status: SectionStatus =
    answered === 0 ? "not_started" : requiredMissing.length === 0 ? "complete" : "incomplete";
  return {
    sectionId: section.id,
    index,
    title: section.title,
    answered,
    total: section.questions.length,
    requiredMissing,
    status,
  };
}

export function interviewProgress(questionnaire: Questionnaire, answers: Answers): InterviewProgress {
  const perSection = questionnaire.sections.map((section, i) => sectionProgress(section, i, answers));
  return {
    sectionsComplete: perSection.filter((s) => s.status === "complete").length,
    sectionsTotal: perSection.length,
    requiredMissing: perSection.flatMap((s) => s.requiredMissing),
    perSection,
  };
}

/** The 0-based index of the first section that is not complete, or undefined when all are. */
export function firstUnfinishedSection(questionnaire: Questionnaire, answers: Answers): number | undefined {
  const index = questionnaire.sections.findIndex(
    (section, i) => sectionProgress(section, i, answers).status !== "complete",
  );
  return index === -1 ? undefined : index;
}
