import type { Answers } from "../domain/questionnaire/answers.js";
import type { Question, Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { type SystemNames, withSystemNames } from "../domain/text.js";
import { fieldValue, type Unanswered, unanswered } from "./answer-fields.js";
import { formatQuantity } from "./quantity.js";

export interface PlanningAnswer {
  label: string;
  /** Text, a number with its unit or a choice's label; null when shown another way; unanswered: where. */
  value: string | Unanswered | null;
  /** List items, ticked options or table rows. */
  items: readonly string[] | null;
  userId: string | null;
}

export interface PlanningAnswerGroup {
  title: string;
  answers: PlanningAnswer[];
}

const feedsDiscovery = (feeds: readonly string[] = []) => feeds.some((f) => f.startsWith("discovery."));

/**
 * The answers the Discovery Document has no seed section for (those feeding only the plan, and those of its
 * sections read by question id, `shownById`), grouped by interview section, so the document holds every
 * answer given in the interview.
 */
export function planningAnswers(
  questionnaire: Questionnaire,
  answers: Answers,
  systems: SystemNames,
  shownById: ReadonlySet<string> = new Set(),
): PlanningAnswerGroup[] {
  return questionnaire.sections
    .map((section) => ({
      title: withSystemNames(section.title, systems),
      answers: section.questions
        .filter((q) => !feedsDiscovery(q.feeds) && !shownById.has(q.id))
        .map((q): PlanningAnswer => {
          const answer = planningAnswer(q, answers, systems);
          const shown = answer.value !== null || answer.items !== null || answer.userId !== null;
          const where = whereAnswered(questionnaire, q.id, systems) ?? q.id;
          return shown ? answer : { ...answer, value: unanswered(where) };
        }),
    }))
    .filter((group) => group.answers.length > 0);
}

function planningAnswer(q: Question, answers: Answers, systems: SystemNames): PlanningAnswer {
  const label = withSystemNames(q.label, systems);
  const none = { label, value: null, items: null, userId: null };
  const value = fieldValue(q, answers[q.id]);
  if (q.kind === "user") return { ...none, userId: typeof value === "string" ? value : null };
  if (typeof value === "number")
    return { ...none, value: formatQuantity(value, q.kind === "number" ? q.unit : "") };
  if (value === null || typeof value === "string") return { ...none, value };
  if (!Array.isArray(value)) return { ...none, items: value.answered ? value.selected : null };
  const items = value.map((v) => (typeof v === "string" ? v : Object.values(v).filter(Boolean).join(", ")));
  return { ...none, items: items.length > 0 ? items : null };
}
