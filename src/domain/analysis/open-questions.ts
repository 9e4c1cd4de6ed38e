import { type Answers, answerState } from "../questionnaire/answers.js";
import { allQuestions, type Question, type Questionnaire } from "../questionnaire/definition.js";
import { whereAnswered } from "../questionnaire/where-answered.js";
import { type SystemNames, withSystemNames } from "../text.js";
import { readList } from "./read-answers.js";

export type OpenQuestionCategory = "business" | "technical" | "ux";

export interface OpenQuestion {
  question: string;
  category: OpenQuestionCategory;
  /**
   * raised: someone wrote it down; unanswered: a required question is empty (or holds only "TBD"); placeholder:
   * an optional question answered "TBD", "?" or the like; unsure: answered "not known yet" from the options.
   */
  source: "raised" | "unanswered" | "placeholder" | "unsure";
  /** Where it is answered, e.g. "/intplan interview 10 (MVP goal)"; null for a question someone raised. */
  where: string | null;
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

/** Questions whose section says less about them than what they are: the work to build is technical. */
const QUESTION_CATEGORY: Readonly<Record<string, OpenQuestionCategory>> = {
  workflows: "technical",
  edge_cases: "technical",
};

/** Choice values that mean "we asked, and nobody knows yet". */
const UNSURE_VALUES = new Set(["unknown", "unsure"]);

/** The question as the documents ask it: its `ask`, else a label that is a question, else one built on it. */
export function askedAs(question: Question, systems: SystemNames): string {
  const label = withSystemNames(question.label, systems);
  if (question.ask) return withSystemNames(question.ask, systems);
  return label.trim().endsWith("?") ? label : `What is the answer for "${label}"?`;
}

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
    readList(answers, id).map((question) => ({ question, category, source: "raised" as const, where: null })),
  );
  const gaps = allQuestions(questionnaire).flatMap((q): OpenQuestion[] => {
    const category =
      QUESTION_CATEGORY[q.id] ?? SECTION_CATEGORY[sectionOf(questionnaire, q.id) ?? ""] ?? "technical";
    const open = (source: OpenQuestion["source"]): OpenQuestion[] => [
      { question: askedAs(q, systems), category, source, where: whereAnswered(questionnaire, q.id, systems) },
    ];
    const value = answers[q.id];
    if (answerState(value, q) === "unanswered") {
      if (q.required) return open("unanswered");
      const typed =
        typeof value === "string" ? value.trim() !== "" : Array.isArray(value) && value.length > 0;
      return typed ? open("placeholder") : [];
    }
    const isChoice = q.kind === "single_select";
    if (isChoice && typeof value === "string" && UNSURE_VALUES.has(value)) return open("unsure");
    return [];
  });
  return [...raised, ...gaps];
}
