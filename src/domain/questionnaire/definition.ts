import type { Question, Questionnaire } from "./question-types.js";
import { QUESTIONNAIRE_V1 } from "./v1.js";
import { QUESTIONNAIRE_V2 } from "./v2.js";
import { QUESTIONNAIRE_V3 } from "./v3.js";

// The types have their own module (no cycle with the version files); they are re-exported for readers here.
export type {
  ChoiceOption,
  ChoiceQuestion,
  ListQuestion,
  NumberQuestion,
  Question,
  QuestionKind,
  Questionnaire,
  QuestionnaireSection,
  SimpleQuestion,
  TableColumn,
  TableQuestion,
  TextQuestion,
} from "./question-types.js";

/**
 * The discovery questionnaire as data. One definition drives the interview modals, the validation,
 * the stored answers and the documents' context: adding a question is one entry in a version file.
 * Its shape is in question-types.ts.
 */

const QUESTIONNAIRES: readonly Questionnaire[] = [QUESTIONNAIRE_V1, QUESTIONNAIRE_V2, QUESTIONNAIRE_V3];

/** The version new projects start with; a project keeps the version it started with. */
export const LATEST_QUESTIONNAIRE_VERSION = QUESTIONNAIRE_V3.version;

export function getQuestionnaire(version: number): Questionnaire {
  const found = QUESTIONNAIRES.find((q) => q.version === version);
  if (!found) {
    const known = QUESTIONNAIRES.map((q) => q.version).join(", ");
    throw new Error(`Unknown questionnaire version ${version}; known versions: ${known}.`);
  }
  return found;
}

export function allQuestions(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}

export { QUESTIONNAIRE_V1, QUESTIONNAIRE_V2, QUESTIONNAIRE_V3 };
