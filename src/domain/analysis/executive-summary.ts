import { INTEGRATION_TYPE_LABELS } from "../integration-type.js";
import type { DiscoveryFacts } from "./facts.js";
import type { GoLiveCheck } from "./go-live.js";
import type { Roi, TimeSavings } from "./savings.js";
import type { Timeline } from "./timeline.js";

export interface ExecutiveSummaryInput {
  facts: DiscoveryFacts;
  timeline: Timeline;
  /** What is said about the go-live: whether the target can be met, and any blackout it runs into. */
  goLive?: Pick<GoLiveCheck, "statements">;
  timeSavings: TimeSavings;
  /** Only figures the answers back: the agency's build cost and a valued benefit. */
  roi: Pick<Roi, "buildCost" | "payback">;
  confidenceScore: number;
}

/** "orders are keyed by hand" → "Orders are keyed by hand." */
function asSentence(text: string): string {
  const t = text.trim();
  const capitalised = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

const withoutFinalStop = (name: string) => name.trim().replace(/\.+$/, "");

function describeIntegration(facts: DiscoveryFacts): string {
  const from = `from ${facts.systemA.name} to ${facts.systemB.name} for ${withoutFinalStop(facts.clientName)}`;
  if (facts.integrationType === "other") return `We are building an integration ${from}.`;
  const kind = INTEGRATION_TYPE_LABELS[facts.integrationType].toLowerCase();
  return `We are building ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} integration ${from}.`;
}

/** The money, only when the agency's price and a valued benefit back it; otherwise nothing is claimed. */
function describeMoney({ buildCost, payback }: ExecutiveSummaryInput["roi"]): string | null {
  if (buildCost.value === null || payback.label === null) return null;
  const cost = `$${buildCost.value.toLocaleString("en-US")}`;
  return payback.monthsAfterGoLive === null
    ? `At the agency's price of ${cost}, the running costs exceed the savings, so it does not pay back.`
    : `At the agency's price of ${cost}, it pays back about ${payback.monthsAfterGoLive} months after go-live${payback.caveat ? ` (${payback.caveat})` : ""}.`;
}

/**
 * One paragraph: the PM's own summary first when there is one (the executive summary answer, else the
 * project's summary), then what we are building, why it matters to the client, the expected impact and the
 * timeline, put together from the pain points, objectives, systems and the other estimates.
 */
export function writeExecutiveSummary({
  facts,
  timeline,
  goLive,
  timeSavings,
  roi,
  confidenceScore,
}: ExecutiveSummaryInput): string {
  // The PM's own summary, when given, leads: the generated sentences only add what it may not say.
  const sentences = facts.summary?.trim() ? [asSentence(facts.summary)] : [];
  sentences.push(describeIntegration(facts));
  if (facts.painPoints.length > 0)
    sentences.push(`Why it matters: ${facts.painPoints.map(asSentence).join(" ")}`);
  if (facts.objectives.length > 0) sentences.push(`Goals: ${facts.objectives.map(asSentence).join(" ")}`);
  if (timeSavings.hoursPerWeek !== null)
    sentences.push(`We expect it to save about ${timeSavings.hoursPerWeek} hours a week once live.`);
  const moneyLine = describeMoney(roi);
  if (moneyLine) sentences.push(moneyLine);
  sentences.push(`The estimated timeline is ${timeline.label}, at ${confidenceScore}% confidence.`);
  if (goLive) sentences.push(...goLive.statements);
  else if (facts.targetGoLive) sentences.push(`The target go-live is ${facts.targetGoLive}.`);
  return sentences.join(" ");
}
