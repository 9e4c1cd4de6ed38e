import {
  type Answers,
  type AnswerValue,
  isAnswered,
  isOnlyNotApplicable,
  isPlaceholderText,
} from "../questionnaire/answers.js";
import { allQuestions } from "../questionnaire/definition.js";
import type { Questionnaire } from "../questionnaire/question-types.js";
import { whereAnswered } from "../questionnaire/where-answered.js";
import type { DiscoveryFacts, SystemFacts } from "./facts.js";
import type { OpenQuestion } from "./open-questions.js";
import { isVague } from "./vague.js";

/** One line of why the score is what it is: "+" for what is known, "−" for what is missing or lowers it. */
export interface ConfidenceReason {
  sign: "+" | "−";
  text: string;
}

export interface Confidence {
  /** 0 to 100, and never 100: every estimate keeps some doubt. */
  score: number;
  /** What is known first, then what is missing, then any cap. */
  reasons: ConfidenceReason[];
}

export interface ConfidenceInput {
  questionnaire: Questionnaire;
  answers: Answers;
  facts: DiscoveryFacts;
  openQuestions: readonly OpenQuestion[];
}

/**
 * What each part is worth. The timeline's drivers and the ROI's inputs are what the estimates are made
 * from, so they weigh most; the required answers and how specific the written ones are make the rest.
 * Open questions take points off, up to a bound, so a long list cannot hide everything else.
 */
const POINTS = {
  drivers: {
    workflows: 7,
    migration: 6,
    webhooks: 6,
    batch: 5,
    dataFormats: 4,
    volume: 6,
    fieldMappings: 6,
  },
  roi: { manualHours: 5, hourlyCost: 4, buildPrice: 4, developmentHours: 4, errorRate: 3 },
  required: 25,
  specificText: 15,
  perVagueAnswer: 3,
  perOpenQuestion: 2,
  openQuestionsAtMost: 12,
} as const;

/** An estimate is never certain; while a required answer or a timeline driver is missing, less so. */
const CAP = 95;
const CAP_WHILE_MISSING = 80;

/** One thing an estimate depends on: known or not, with the line that says so. */
interface Input {
  points: number;
  known: boolean;
  text: string;
  /** The question that answers it, when it is missing. */
  answerAt?: string;
}

const SIDES = ["a", "b"] as const;
type Side = (typeof SIDES)[number];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Text that says something: not a placeholder ("TBD", "?": unanswered) and not vague ("depends"). */
const says = (text: string) => !isPlaceholderText(text) && !isOnlyNotApplicable(text) && !isVague(text);

/** Answered with something that says something: not empty, and not only "TBD" or "?". */
function isSpecific(value: AnswerValue | undefined): boolean {
  if (!isAnswered(value)) return false;
  if (typeof value === "string") return says(value);
  if (Array.isArray(value)) return value.some((v) => typeof v !== "string" || says(v));
  return true;
}

function perSystem(facts: DiscoveryFacts): Array<{ side: Side; system: SystemFacts }> {
  return [
    { side: "a", system: facts.systemA },
    { side: "b", system: facts.systemB },
  ];
}

const names = (systems: ReadonlyArray<{ system: SystemFacts }>) =>
  systems.map((s) => s.system.name).join(" and ");

function workflows(answers: Answers): Input {
  const listed = Array.isArray(answers.workflows)
    ? answers.workflows.filter((w) => typeof w === "string" && says(w)).length
    : 0;
  return listed > 0
    ? { points: POINTS.drivers.workflows, known: true, text: `${plural(listed, "workflow")} listed` }
    : {
        points: POINTS.drivers.workflows,
        known: false,
        text: "no workflows listed yet",
        answerAt: "workflows",
      };
}

function migration(answers: Answers, facts: DiscoveryFacts): Input {
  const points = POINTS.drivers.migration;
  if (facts.hasDataMigration === false) return { points, known: true, text: "no historical data to migrate" };
  if (facts.hasDataMigration === null)
    return {
      points,
      known: false,
      text: "not known yet whether historical data needs migrating",
      answerAt: "migration_needed",
    };
  return isSpecific(answers.migration_scope)
    ? { points, known: true, text: "historical data migration scoped" }
    : {
        points,
        known: false,
        text: "historical data to migrate, but its scope is not known yet",
        answerAt: "migration_scope",
      };
}

function webhooks(facts: DiscoveryFacts): Input {
  const points = POINTS.drivers.webhooks;
  const unknown = perSystem(facts).filter((s) => s.system.webhooks === null);
  const [first] = unknown;
  if (first)
    return {
      points,
      known: false,
      text: `webhooks not known yet for ${names(unknown)}`,
      answerAt: `system_${first.side}_webhooks`,
    };
  const both = facts.systemA.webhooks === true && facts.systemB.webhooks === true;
  return {
    points,
    known: true,
    text: both ? "webhooks confirmed on both sides" : "webhook support known for both systems",
  };
}

function batch(facts: DiscoveryFacts): Input {
  const points = POINTS.drivers.batch;
  const unknown = perSystem(facts).filter((s) => s.system.batch === null);
  const [first] = unknown;
  return first
    ? {
        points,
        known: false,
        text: `batch support not known yet for ${names(unknown)}`,
        answerAt: `system_${first.side}_batch_operations`,
      }
    : { points, known: true, text: "batch support known for both systems" };
}

function dataFormats(answers: Answers, facts: DiscoveryFacts): Input {
  const points = POINTS.drivers.dataFormats;
  const unknown = perSystem(facts).filter((s) => !isAnswered(answers[`system_${s.side}_data_formats`]));
  const [first] = unknown;
  return first
    ? {
        points,
        known: false,
        text: `data formats not known yet for ${names(unknown)}`,
        answerAt: `system_${first.side}_data_formats`,
      }
    : { points, known: true, text: "data formats known for both systems" };
}

function volume(facts: DiscoveryFacts): Input {
  const points = POINTS.drivers.volume;
  if (facts.monthlyVolume !== null)
    return {
      points,
      known: true,
      text: `volume known: ${facts.monthlyVolume.toLocaleString("en-US")} records a month`,
    };
  return {
    points,
    known: false,
    text:
      facts.volumeText === null
        ? "no data volume yet"
        : "data volume without a period (per hour, day or month)",
    answerAt: "data_volume",
  };
}

function fieldMappings(answers: Answers): Input {
  const rows = answers.field_mappings;
  return isAnswered(rows) && Array.isArray(rows)
    ? {
        points: POINTS.drivers.fieldMappings,
        known: true,
        text: `${plural(rows.length, "field mapping")} given`,
      }
    : {
        points: POINTS.drivers.fieldMappings,
        known: false,
        text: "no field mappings yet",
        answerAt: "field_mappings",
      };
}

function timelineDrivers(answers: Answers, facts: DiscoveryFacts): Input[] {
  return [
    workflows(answers),
    migration(answers, facts),
    webhooks(facts),
    batch(facts),
    dataFormats(answers, facts),
    volume(facts),
    fieldMappings(answers),
  ];
}

/** What the ROI and the savings are computed from; known ones are listed on one line. */
function roiInputs(answers: Answers, facts: DiscoveryFacts): Array<Input & { name: string }> {
  const { roi } = POINTS;
  const buildPriced = isAnswered(answers.build_cost_basis) && typeof answers.build_cost_amount === "number";
  // A fixed fee prices the build without hours.
  const fixedFee = answers.build_cost_basis === "fixed";
  return [
    {
      name: "manual hours",
      points: roi.manualHours,
      known: facts.manualHoursPerWeek !== null,
      text: "no manual hours per week yet",
      answerAt: "hours_per_week",
    },
    {
      name: "the client's hourly cost",
      points: roi.hourlyCost,
      known: facts.hourlyCost !== null,
      text: "no hourly cost of the manual work yet",
      answerAt: "hourly_cost",
    },
    {
      name: "the agency's build price",
      points: roi.buildPrice,
      known: buildPriced,
      text: "no build price from the agency yet",
      answerAt: isAnswered(answers.build_cost_basis) ? "build_cost_amount" : "build_cost_basis",
    },
    {
      name: "development hours",
      points: roi.developmentHours,
      known: facts.developmentHours !== null || fixedFee,
      text: "no development hours yet",
      answerAt: "development_hours",
    },
    {
      name: "the current error rate",
      points: roi.errorRate,
      known: facts.errorRatePercent !== null,
      text: "no current error rate yet",
      answerAt: "error_rate",
    },
  ];
}

function joinNames(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const TEXT_KINDS = new Set(["short_text", "long_text", "list"]);

function writtenAnswers(questionnaire: Questionnaire, answers: Answers): string[] {
  return (
    allQuestions(questionnaire)
      .filter((q) => TEXT_KINDS.has(q.kind))
      .flatMap((q) => {
        const value = answers[q.id];
        if (typeof value === "string") return [value];
        return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
      })
      // A placeholder ("TBD") already counts as unanswered; it is not counted again as vague.
      .filter((t) => t.trim() !== "" && !isPlaceholderText(t))
  );
}

/**
 * 0–100: how much of what drives the timeline and the ROI is known, the required answers, how specific
 * the written answers are, less the open questions. Capped below 100 always, and lower while a required
 * answer or a timeline driver is missing.
 */
export function scoreConfidence(input: ConfidenceInput): Confidence {
  const { questionnaire, answers, facts, openQuestions } = input;
  const systems = { systemA: facts.systemA.name, systemB: facts.systemB.name };
  const where = (id: string | undefined) => (id ? whereAnswered(questionnaire, id, systems) : null);
  const gained: string[] = [];
  const lost: string[] = [];
  let points = 0;

  const missingLine = (item: Input) => {
    const at = where(item.answerAt);
    return at ? `${item.text}: ${at}` : item.text;
  };

  const drivers = timelineDrivers(answers, facts);
  for (const driver of drivers) {
    if (driver.known) {
      points += driver.points;
      gained.push(driver.text);
    } else lost.push(missingLine(driver));
  }

  const roi = roiInputs(answers, facts);
  const knownRoi = roi.filter((i) => i.known);
  points += knownRoi.reduce((sum, i) => sum + i.points, 0);
  if (knownRoi.length > 0) gained.push(`ROI inputs given: ${joinNames(knownRoi.map((i) => i.name))}`);
  for (const item of roi.filter((i) => !i.known)) lost.push(missingLine(item));

  const required = allQuestions(questionnaire).filter((q) => q.required);
  const unansweredRequired = required.filter((q) => !isAnswered(answers[q.id], q)).length;
  points +=
    required.length === 0
      ? POINTS.required
      : (POINTS.required * (required.length - unansweredRequired)) / required.length;
  if (unansweredRequired === 0) gained.push(`all ${plural(required.length, "required answer")} given`);
  else lost.push(`${unansweredRequired} of ${plural(required.length, "required answer")} missing`);

  const written = writtenAnswers(questionnaire, answers);
  const vague = written.filter(isVague);
  if (written.length === 0) lost.push("no written answers yet");
  else {
    points += Math.max(0, POINTS.specificText - POINTS.perVagueAnswer * vague.length);
    if (vague.length === 0) gained.push("written answers are specific");
    else lost.push(`${plural(vague.length, "vague answer")} (e.g. "${vague[0]?.trim()}")`);
  }

  points -= Math.min(POINTS.openQuestionsAtMost, POINTS.perOpenQuestion * openQuestions.length);
  if (openQuestions.length === 0) gained.push("no open questions");
  else lost.push(plural(openQuestions.length, "open question"));

  const missing = [
    ...(unansweredRequired > 0 ? ["required answers"] : []),
    ...(drivers.some((d) => !d.known) ? ["timeline drivers"] : []),
  ];
  const cap = missing.length > 0 ? CAP_WHILE_MISSING : CAP;
  const raw = Math.max(0, Math.round(points));
  const score = Math.min(cap, raw);
  if (raw > cap)
    lost.push(
      missing.length > 0
        ? `capped at ${cap}%: ${joinNames(missing)} missing`
        : `capped at ${cap}%: no estimate is certain`,
    );

  return {
    score,
    reasons: [
      ...gained.map((text) => ({ sign: "+" as const, text })),
      ...lost.map((text) => ({ sign: "−" as const, text })),
    ],
  };
}
