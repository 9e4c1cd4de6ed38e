import { answersFileSchema } from "../documents/answers-file.js";
import { allQuestions, type Questionnaire } from "../domain/questionnaire/definition.js";
import { truncateText } from "../domain/text.js";
import type { ImportedAnswer, ImportFile, ReadImportResult, UnplacedPart } from "./import-proposal.js";

/** The largest file `/intplan import` reads: a discovery document or answers file is far below it. */
export const IMPORT_MAX_BYTES = 1_000_000;

/**
 * A minimal reader that knows one format, intplan's own answers JSON (`/intplan export answers`); the
 * discovery-document and mapping-sheet readers replace this module with the same surface.
 */
export async function readImport(
  file: ImportFile,
  target: { questionnaire: Questionnaire; systemA: string; systemB: string },
): Promise<ReadImportResult> {
  if (file.bytes.length > IMPORT_MAX_BYTES)
    return { ok: false, failure: "too_big", message: `${file.name} is larger than 1 MB.` };
  if (!/\.json$/i.test(file.name) && file.filetype !== "json")
    return {
      ok: false,
      failure: "unsupported_type",
      message: `${file.name} is not a file intplan can read yet: upload an answers file (.json) from /intplan export answers.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(file.bytes));
  } catch {
    return { ok: false, failure: "unreadable", message: `${file.name} is not valid JSON.` };
  }
  const parsed = answersFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      failure: "nothing_recognised",
      message: `${file.name} is not an intplan answers file (the JSON that /intplan export answers writes).`,
    };
  const known = new Set(allQuestions(target.questionnaire).map((q) => q.id));
  const answers: ImportedAnswer[] = [];
  const unplaced: UnplacedPart[] = [];
  for (const [questionId, value] of Object.entries(parsed.data.answers)) {
    if (known.has(questionId)) answers.push({ questionId, value, from: `answers.${questionId}` });
    else
      unplaced.push({
        where: `answers.${questionId}`,
        text: truncateText(typeof value === "string" ? value : JSON.stringify(value), 120),
      });
  }
  if (answers.length === 0)
    return {
      ok: false,
      failure: "nothing_recognised",
      message: `${file.name} holds no answer to a question of this project's questionnaire.`,
    };
  return { ok: true, proposal: { format: "answers-json", answers, unplaced } };
}
