import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import type { Answers } from "../../src/domain/questionnaire/answers.js";
import { carryOverAnswers } from "../../src/domain/questionnaire/carry-over.js";
import {
  allQuestions,
  getQuestionnaire,
  QUESTIONNAIRE_V1,
  QUESTIONNAIRE_V3,
} from "../../src/domain/questionnaire/definition.js";

/**
 * The documents' unit tests' common ground: the real templates rendered on the golden files' fixed clock, and
 * the example answer sets as the offline renderer reads them (`accounting`: fully answered; `fulfillment`:
 * sparse, none of version 2's new questions answered).
 */
const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));

export const DOCUMENTS_NOW = new Date("2025-10-01T12:00:00.000Z");

export const renderer = createDocumentRenderer({
  templatesDir: fileURLToPath(new URL("../../templates", import.meta.url)),
  now: () => DOCUMENTS_NOW,
});

export const example = (file: string): DocumentInput =>
  parseAnswersFile(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")));

export const accounting = example("shopify-quickbooks-accounting.json");
export const fulfillment = example("woocommerce-shipstation-fulfillment.json");

/** The same project with other answers. */
export const withAnswers = (input: DocumentInput, answers: Answers): DocumentInput => ({ ...input, answers });

const V1_IDS = new Set(allQuestions(QUESTIONNAIRE_V1).map((q) => q.id));

/**
 * The same project as if it had been created on questionnaire version 1: its version says 1 and the answers
 * to version 2's new questions are gone (a version 1 project could never have given them).
 */
export const onVersion1 = (input: DocumentInput): DocumentInput => ({
  project: { ...input.project, questionnaireVersion: 1 },
  answers: Object.fromEntries(Object.entries(input.answers).filter(([id]) => V1_IDS.has(id))),
});

/**
 * The same project moved to questionnaire version 3 (`/intplan questionnaire upgrade`): its answers carried
 * over as the move carries them, and the version 3 questions left unanswered.
 */
export const onVersion3 = (input: DocumentInput): DocumentInput => ({
  ...input,
  project: { ...input.project, questionnaireVersion: 3 },
  answers: carryOverAnswers(
    input.answers,
    getQuestionnaire(input.project.questionnaireVersion),
    QUESTIONNAIRE_V3,
  ).answers,
});
