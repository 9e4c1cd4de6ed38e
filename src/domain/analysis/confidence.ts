import {
  type AnswerRuleQuestion,
  type Answers,
  isAnswered,
  isPlaceholderText,
} from "../questionnaire/answers.js";
import type { DiscoveryFacts } from "./facts.js";
import { isVague } from "./vague.js";

export interface Confidence {
  /** 0 to 100 */
  score: number;
  /** How the score came about, one line per part, with the points it earned. */
  reasons: string[];
}

/** The part of a questionnaire question the score looks at. */
export interface ScoredQuestion extends AnswerRuleQuestion {
  id: string;
}

export interface ConfidenceInput {
  questions: readonly ScoredQuestion[];
  answers: Answers;
  facts: DiscoveryFacts;
}

const POINTS = {
  required: 40,
  optional: 20,
  quantified: 20,
  apiCapabilities: 10,
  specificText: 10,
} as const;

interface Part {
  points: number;
  reason: string;
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function completeness(input: ConfidenceInput, required: boolean): Part {
  const questions = input.questions.filter((q) => (q.required ?? false) === required);
  const answered = questions.filter((q) => isAnswered(input.answers[q.id], q)).length;
  const max = required ? POINTS.required : POINTS.optional;
  const points = max * share(answered, questions.length);
  const kind = required ? "required" : "optional";
  return { points, reason: `${answered} of ${questions.length} ${kind} questions answered` };
}

function quantified(facts: DiscoveryFacts): Part {
  const numbers: Array<[string, number | null]> = [
    ["monthly volume", facts.monthlyVolume],
    ["manual hours per week", facts.manualHoursPerWeek],
    ["hourly cost", facts.hourlyCost],
    ["current error rate", facts.errorRatePercent],
  ];
  const known = numbers.filter(([, v]) => v !== null).map(([name]) => name);
  const missing = numbers.filter(([, v]) => v === null).map(([name]) => name);
  const points = POINTS.quantified * share(known.length, numbers.length);
  const reason =
    missing.length === 0
      ? "Volume, effort, cost and error rate all quantified"
      : `Not quantified yet: ${missing.join(", ")}`;
  return { points, reason };
}

function apiCapabilities(facts: DiscoveryFacts): Part {
  const unknown = [facts.systemA, facts.systemB].flatMap((s) => [
    ...(s.webhooks === null ? [`${s.name} webhooks`] : []),
    ...(s.batch === null ? [`${s.name} batch support`] : []),
  ]);
  const points = POINTS.apiCapabilities * share(4 - unknown.length, 4);
  const reason =
    unknown.length === 0
      ? "Webhook and batch support known for both systems"
      : `Not known yet: ${unknown.join(", ")}`;
  return { points, reason };
}

function textAnswers(answers: Answers): string[] {
  return Object.values(answers).flatMap((v) =>
    typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [],
  );
}

function specificText(input: ConfidenceInput): Part {
  // A placeholder ("TBD") already counts as unanswered above; it is not counted again here.
  const texts = textAnswers(input.answers).filter((t) => t.trim() !== "" && !isPlaceholderText(t));
  if (texts.length === 0) return { points: 0, reason: "No written answers yet" };
  const vague = texts.filter(isVague);
  const points = POINTS.specificText * share(texts.length - vague.length, texts.length);
  const reason =
    vague.length === 0
      ? "No vague answers"
      : `${vague.length} answer(s) still vague (e.g. "${vague[0]?.trim()}")`;
  return { points, reason };
}

/** 0–100: how complete the interview is (60 points) and how specific its answers are (40 points). */
export function scoreConfidence(input: ConfidenceInput): Confidence {
  const parts = [
    completeness(input, true),
    completeness(input, false),
    quantified(input.facts),
    apiCapabilities(input.facts),
    specificText(input),
  ];
  const score = Math.round(parts.reduce((sum, p) => sum + p.points, 0));
  return { score, reasons: parts.map((p) => `${p.reason} (+${Math.round(p.points)})`) };
}
