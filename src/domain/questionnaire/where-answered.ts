import { type SystemNames, withSystemNames } from "../text.js";
import type { Questionnaire } from "./question-types.js";

/**
 * Where a person answers a question, as a document tells them: `/intplan interview 6 (Rate limits)`.
 * The section's number is its place in the interview (1-based), which `/intplan interview <n>` opens.
 * Null for an id the questionnaire does not have.
 */
export function whereAnswered(
  questionnaire: Questionnaire,
  questionId: string,
  systems: SystemNames,
): string | null {
  for (const [index, section] of questionnaire.sections.entries()) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return `/intplan interview ${index + 1} (${withSystemNames(question.label, systems)})`;
  }
  return null;
}
