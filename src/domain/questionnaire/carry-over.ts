import type { Answers, AnswerValue, TableRow } from "./answers.js";
import type { Question, Questionnaire } from "./question-types.js";
import { FOLDED_CHECKBOX_OPTIONS } from "./v3.js";

/**
 * Moving a project's answers from one questionnaire version to another, as a pure function: what carries
 * over, reshaped for the new version, and what does not, with its value, so nothing anyone typed is lost
 * (the service writes the part not carried over to the audit log).
 *
 * An answer carries over when the new version asks the same question: the same id (a kept question keeps
 * its id) and the same kind of answer. Where a version merged or reshaped a question the equivalences are
 * explicit: a checkbox option the new version no longer offers is removed from the stored options, and when
 * a text question now asks that fact (FOLDED_CHECKBOX_OPTIONS, v3.ts) a ticked box becomes that question's
 * text, only when the text question was left empty.
 */

export interface NotCarried {
  questionId: string;
  /** The question as the old version worded it (`{systemA}` and `{systemB}` left in). */
  label: string;
  /** What is not carried over: the whole answer, or only the options the new version no longer has. */
  value: AnswerValue;
  reason: string;
}

export interface Reshaped {
  questionId: string;
  /** The question as the new version words it. */
  label: string;
  note: string;
}

export interface CarryOver {
  /** The answers as the new version holds them. */
  answers: Record<string, AnswerValue>;
  /** Question ids carried over as they were. */
  kept: string[];
  /** Answers carried over in a new shape (options removed, a ticked box become a text). */
  reshaped: Reshaped[];
  notCarried: NotCarried[];
}

const questionsOf = (q: Questionnaire) =>
  new Map(q.sections.flatMap((s) => s.questions).map((x) => [x.id, x]));

const isText = (q: Question) => q.kind === "short_text" || q.kind === "long_text";
const isEmptyText = (value: AnswerValue | undefined) =>
  value === undefined || (typeof value === "string" && value.trim() === "");

/** A table's rows with only the new version's columns; a row left with no cell is not carried. */
function tableFor(to: Question, rows: readonly TableRow[]): { kept: TableRow[]; lost: TableRow[] } {
  if (to.kind !== "table") return { kept: [], lost: [...rows] };
  const columns = to.columns.map((c) => c.id);
  const kept: TableRow[] = [];
  const lost: TableRow[] = [];
  for (const row of rows) {
    const cells = Object.keys(row).filter((key) => !columns.includes(key) && row[key]);
    if (cells.length > 0) lost.push(Object.fromEntries(cells.map((key) => [key, row[key] ?? ""])));
    const reshaped = Object.fromEntries(columns.filter((c) => row[c] !== undefined).map((c) => [c, row[c]]));
    if (Object.values(reshaped).some(Boolean)) kept.push(reshaped as TableRow);
  }
  return { kept, lost };
}

export function carryOverAnswers(answers: Answers, from: Questionnaire, to: Questionnaire): CarryOver {
  const fromQuestions = questionsOf(from);
  const toQuestions = questionsOf(to);
  const result: CarryOver = { answers: {}, kept: [], reshaped: [], notCarried: [] };
  const labelFrom = (id: string) => fromQuestions.get(id)?.label ?? id;
  const notCarried = (questionId: string, value: AnswerValue, reason: string) =>
    result.notCarried.push({ questionId, label: labelFrom(questionId), value, reason });
  /** Ticked boxes whose fact a text question asks now, applied once every plain answer is in place. */
  const folds: Array<{ questionId: string; option: string; into: string; text: string }> = [];

  for (const [id, value] of Object.entries(answers)) {
    const target = toQuestions.get(id);
    const source = fromQuestions.get(id);
    if (!target) {
      notCarried(id, value, `version ${to.version} does not ask it`);
      continue;
    }
    if (source && source.kind !== target.kind && !(isText(source) && isText(target))) {
      notCarried(id, value, `version ${to.version} asks it as another kind of answer`);
      continue;
    }
    if ((target.kind === "checkboxes" || target.kind === "multi_select") && Array.isArray(value)) {
      const offered = new Set(target.options.map((o) => o.value));
      const picked = (value as unknown[]).filter((v): v is string => typeof v === "string");
      const stays = picked.filter((v) => offered.has(v));
      const gone = picked.filter((v) => !offered.has(v));
      if (stays.length > 0) result.answers[id] = stays;
      if (gone.length === 0) {
        result.kept.push(id);
        continue;
      }
      const foldable = FOLDED_CHECKBOX_OPTIONS[id] ?? {};
      const unfolded: string[] = [];
      for (const option of gone) {
        const fold = foldable[option];
        const into = fold ? toQuestions.get(fold.into) : undefined;
        if (fold && into && isText(into))
          folds.push({ questionId: id, option, into: fold.into, text: fold.text });
        else unfolded.push(option);
      }
      if (unfolded.length > 0)
        notCarried(id, unfolded, `version ${to.version} no longer offers these options`);
      result.reshaped.push({
        questionId: id,
        label: target.label,
        note: `${gone.length === 1 ? "one option" : `${gone.length} options`} removed`,
      });
      continue;
    }
    if (target.kind === "single_select" && typeof value === "string") {
      if (target.options.some((o) => o.value === value)) {
        result.answers[id] = value;
        result.kept.push(id);
      } else notCarried(id, value, `version ${to.version} no longer offers this option`);
      continue;
    }
    if (target.kind === "table" && Array.isArray(value)) {
      const { kept, lost } = tableFor(target, value as TableRow[]);
      if (kept.length > 0) result.answers[id] = kept;
      if (lost.length > 0) notCarried(id, lost, `version ${to.version} has no such column`);
      if (lost.length > 0)
        result.reshaped.push({
          questionId: id,
          label: target.label,
          note: "cells of a dropped column removed",
        });
      else result.kept.push(id);
      continue;
    }
    result.answers[id] = value;
    result.kept.push(id);
  }

  for (const fold of folds) {
    const into = toQuestions.get(fold.into);
    const label = into?.label ?? fold.into;
    if (isEmptyText(result.answers[fold.into])) {
      result.answers[fold.into] = fold.text;
      result.reshaped.push({
        questionId: fold.into,
        label,
        note: `written from the ticked box "${optionLabel(from, fold.questionId, fold.option)}"`,
      });
    } else {
      notCarried(fold.questionId, [fold.option], `"${label}" asks it now and already has an answer`);
    }
  }
  return result;
}

function optionLabel(questionnaire: Questionnaire, questionId: string, option: string): string {
  const question = questionsOf(questionnaire).get(questionId);
  const found =
    question && "options" in question ? question.options.find((o) => o.value === option) : undefined;
  return found?.label ?? option;
}
