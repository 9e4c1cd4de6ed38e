import { classifyAnswers } from "../classify.js";
import type { IntegrationType } from "../integration-type.js";
import type { Answers } from "../questionnaire/answers.js";
import type { Questionnaire } from "../questionnaire/definition.js";
import { whereAnswered } from "../questionnaire/where-answered.js";
import { COMMON_RISKS, type CommonRisk } from "./common-risks.js";
import { type Confidence, scoreConfidence } from "./confidence.js";
import { writeExecutiveSummary } from "./executive-summary.js";
import type { DiscoveryFacts } from "./facts.js";
import { checkGoLive, type GoLiveCheck } from "./go-live.js";
import { collectOpenQuestions, type OpenQuestion } from "./open-questions.js";
import { type AnalysedProject, readFacts } from "./read-facts.js";
import { estimateSavings, type Savings } from "./savings.js";
import { planSchedule, type Schedule } from "./schedule.js";
import { estimateTimeline, type Timeline } from "./timeline.js";

export interface AnalysisInput {
  /**
   * `integrationType: null` means "auto-detect": the classifier decides from the systems and what is to be
   * done. Otherwise the types a person chose (`integrationTypes`, the primary first; `[integrationType]`
   * when absent).
   */
  project: AnalysedProject & {
    integrationType: IntegrationType | null;
    integrationTypes?: readonly IntegrationType[] | null;
  };
  answers: Answers;
  questionnaire: Questionnaire;
}

export interface Analysis extends Savings {
  /** The primary type: the first of `integrationTypes`. */
  integrationType: IntegrationType;
  /** Every type the project is, the strongest (or the one chosen first) first. */
  integrationTypes: IntegrationType[];
  /** Why these types: the classifier's reason, or that a person chose them. */
  integrationTypeReason: string;
  /** What the estimates were made from, read once: the documents print these, so both say the same. */
  facts: DiscoveryFacts;
  confidence: Confidence;
  timeline: Timeline;
  /** Planned dates per phase; null when neither a planned start nor the creation date is known. */
  schedule: Schedule | null;
  /** The target go-live against the schedule, the blackout dates and the known peaks. */
  goLive: GoLiveCheck;
  commonRisks: readonly CommonRisk[];
  executiveSummary: string;
  openQuestions: OpenQuestion[];
}

/** Everything the documents derive from the interview. Pure: the same input always gives the same analysis. */
export function analyse({ project, answers, questionnaire }: AnalysisInput): Analysis {
  const types = projectTypes(project, answers);
  const integrationType = types.types[0] ?? "other";
  const facts = readFacts(project, answers, integrationType);
  const timeline = estimateTimeline(facts, (id) => whereAnswered(questionnaire, id, project));
  const schedule = facts.plannedStart === null ? null : planSchedule(timeline, facts.plannedStart);
  const goLive = checkGoLive(facts, schedule);
  const openQuestions = [
    ...collectOpenQuestions(questionnaire, answers, project),
    ...goLive.questions.map((question) => ({
      question,
      category: "business" as const,
      source: "raised" as const,
      // Settled by moving the go-live (or the scope): the go-live is a project basic.
      where: "/intplan edit project",
    })),
  ];
  const confidence = scoreConfidence({ questionnaire, answers, facts, openQuestions });
  const savings = estimateSavings(facts, {
    weeksToGoLive: timeline.weeksToGoLive,
    whereAnswered: (questionId) => whereAnswered(questionnaire, questionId, project),
  });
  return {
    integrationType,
    integrationTypes: types.types,
    integrationTypeReason: types.reason,
    facts,
    confidence,
    timeline,
    schedule,
    goLive,
    ...savings,
    commonRisks: types.types.flatMap((type) => COMMON_RISKS[type]),
    executiveSummary: writeExecutiveSummary({
      facts,
      timeline,
      goLive,
      timeSavings: savings.timeSavings,
      roi: savings.roi,
      confidenceScore: confidence.score,
    }),
    openQuestions,
  };
}

const CHOSEN_TYPE_REASON = "chosen by the project team";

/** The types a person chose, or, when the project is left to auto-detect, what its answers say now. */
function projectTypes(
  project: AnalysisInput["project"],
  answers: Answers,
): { types: IntegrationType[]; reason: string } {
  if (project.integrationType === null) {
    const found = classifyAnswers(project, answers);
    return { types: found.types, reason: `auto-detected; ${found.reason}` };
  }
  const chosen = project.integrationTypes?.length ? project.integrationTypes : [project.integrationType];
  return { types: [...new Set(chosen)], reason: CHOSEN_TYPE_REASON };
}
