import { type Answers, isAnswered } from "../questionnaire/answers.js";
import { allQuestions, type Questionnaire } from "../questionnaire/definition.js";
import { type SystemNames, withSystemNames } from "../text.js";
import { readList, readText } from "./read-answers.js";

export type OpenQuestionCategory = "business" | "technical" | "ux";

export interface OpenQuestion {
  question: string;
  category: OpenQuestionCategory;
  /** raised: someone wrote it down; unanswered: a required question is empty; unsure: answered "not known yet". */
  source: "raised" | "unanswered" | "unsure";
}

const RAISED: ReadonlyArray<[questionId: string, OpenQuestionCategory]> = [
  ["business_questions", "business"],
  ["technical_questions", "technical"],
  ["ux_questions", "ux"],
];

const SECTION_CATEGORY: Readonly<Record<string, OpenQuestionCategory>> = {
  current_state: "business",
  vision: "business",
  phases: "business",
  risks_costs: "business",
  open_questions: "business",
  user_journey: "ux",
};

/** Choice values that mean "we asked, and nobody knows yet". */
const UNSURE_VALUES = new Set(["unknown", "unsure"]);

function sectionOf(questionnaire: Questionnaire, questionId: string): string | undefined {
  return questionnaire.sections.find((s) => s.questions.some((q) => q.id === questionId))?.id;
}

/**
 * Everything still open: the questions people raised, then every required question nobody answered
 * and every question answered "not known yet", worded with the project's system names.
 */
export function collectOpenQuestions(
  questionnaire: Questionnaire,
  answers: Answers,
  systems: SystemNames,
): OpenQuestion[] {
  const raised = RAISED.flatMap(([id, category]) =>
    readList(answers, id).map((question) => ({ question, category, source: "raised" as const })),
  );
  const gaps = allQuestions(questionnaire).flatMap((q): OpenQuestion[] => {
    const category = SECTION_CATEGORY[sectionOf(questionnaire, q.id) ?? ""] ?? "technical";
    const question = withSystemNames(q.label, systems);
    if (q.required && !isAnswered(answers[q.id])) return [{ question, category, source: "unanswered" }];
    if (UNSURE_VALUES.has(readText(answers, q.id) ?? "")) return [{ question, category, source: "unsure" }];
    return [];
  });
  return [...raised, ...gaps];
}
