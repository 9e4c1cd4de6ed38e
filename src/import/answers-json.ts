import { answersFileSchema } from "../documents/answers-file.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { allQuestions } from "../domain/questionnaire/definition.js";
import { fitAnswer, shorten } from "./fit-answer.js";
import type { ImportProposal } from "./import-proposal.js";

/**
 * intplan's own answers file (`/intplan export answers`, examples/*.json): every answer whose question the
 * target questionnaire has and whose value fits it now; the rest is unplaced with why. The file may come
 * from another questionnaire version: ids the target keeps are read, the others are unplaced.
 */
export function answersJsonProposal(
  json: unknown,
  questionnaire: Questionnaire,
): { ok: true; proposal: ImportProposal } | { ok: false; problems: string[] } {
  const parsed = answersFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`),
    };
  const questions = new Map(allQuestions(questionnaire).map((q) => [q.id, q]));
  const fileVersion = parsed.data.project.questionnaireVersion;
  const proposal: ImportProposal = { format: "answers-json", answers: [], unplaced: [] };
  for (const [id, value] of Object.entries(parsed.data.answers)) {
    // An empty answer ("", []) says nothing: it is not imported, and not worth a line in the review.
    if ((typeof value === "string" || Array.isArray(value)) && value.length === 0) continue;
    const where = `answers.${id}`;
    const question = questions.get(id);
    if (!question) {
      proposal.unplaced.push({
        where,
        text: `questionnaire version ${questionnaire.version} has no question "${id}" (the file is version ${fileVersion}): ${shorten(JSON.stringify(value), 120)}`,
      });
      continue;
    }
    const fit = fitAnswer(question, value);
    if (fit.ok) proposal.answers.push({ questionId: id, value: fit.value, from: where });
    else proposal.unplaced.push({ where, text: `${fit.why}: ${shorten(JSON.stringify(value), 120)}` });
  }
  return { ok: true, proposal };
}
