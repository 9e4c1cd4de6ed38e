import { classifyIntegration } from "../classify.js";
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
  /** `integrationType: null` means "auto-detect": the classifier decides from systems and summary. */
  project: AnalysedProject & { integrationType: IntegrationType | null };
  answers: Answers;
  questionnaire: Questionnaire;
}

export interface Analysis extends Savings {
  integrationType: IntegrationType;
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
  const integrationType = project.integrationType ?? classifyIntegration(project);
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
    })),
  ];
  const confidence = scoreConfidence({ questionnaire, answers, facts, openQuestions });
  const savings = estimateSavings(facts, {
    weeksToGoLive: timeline.weeksToGoLive,
    whereAnswered: (questionId) => whereAnswered(questionnaire, questionId, project),
  });
  return {
    integrationType,
    facts,
    confidence,
    timeline,
    schedule,
    goLive,
    ...savings,
    commonRisks: COMMON_RISKS[integrationType],
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
