import { answersFileSchema } from "../documents/answers-file.js";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import { carryOverAnswers } from "../domain/questionnaire/carry-over.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { allQuestions, getQuestionnaire } from "../domain/questionnaire/definition.js";
import { fitAnswer, shorten } from "./fit-answer.js";
import type { ImportProposal } from "./import-proposal.js";

/**
 * intplan's own answers file (`/intplan export answers`, examples/*.json): every answer whose question the
 * target questionnaire has and whose value fits it now; the rest is unplaced with why. The file may come
 * from another questionnaire version: its answers are carried over as moving a project would carry them
 * (carry-over.ts: options the target no longer offers removed, a ticked box folded into its text question),
 * and what does not carry over is unplaced with why.
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
  const carried = carriedToTarget(parsed.data.answers, fileVersion, questionnaire);
  for (const part of carried.unplaced) proposal.unplaced.push(part);
  for (const [id, value] of Object.entries(carried.answers)) {
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

/** The file's answers as the target's version holds them, when the file names a version we know. */
function carriedToTarget(
  answers: Record<string, AnswerValue>,
  fileVersion: number,
  target: Questionnaire,
): { answers: Record<string, AnswerValue>; unplaced: ImportProposal["unplaced"] } {
  if (fileVersion === target.version) return { answers, unplaced: [] };
  let from: Questionnaire;
  try {
    from = getQuestionnaire(fileVersion);
  } catch {
    return { answers, unplaced: [] };
  }
  const known = new Set(allQuestions(from).map((q) => q.id));
  const ofFile = Object.fromEntries(Object.entries(answers).filter(([id]) => known.has(id)));
  const unknown = Object.fromEntries(Object.entries(answers).filter(([id]) => !known.has(id)));
  const moved = carryOverAnswers(ofFile, from, target);
  return {
    // Ids the file's own version never had are read as they are (and unplaced below when the target lacks them).
    answers: { ...unknown, ...moved.answers },
    unplaced: moved.notCarried.map((n) => ({
      where: `answers.${n.questionId}`,
      text: `${n.reason.startsWith("version") ? `questionnaire ${n.reason}` : n.reason} (the file is version ${fileVersion}): ${shorten(JSON.stringify(n.value), 120)}`,
    })),
  };
}
